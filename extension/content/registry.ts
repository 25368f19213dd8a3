// Finds editors as they come and go, and keeps one EditorSession per live editor: it reads the
// text when the editor changes, checks it at most once per animation frame, never paints a
// stale result, and paints underlines through the highlighter.
import type { Settings } from "../shared/settings";
import type { CheckOptions, Finding } from "../shared/types";
import type { CheckerClient } from "./checker-client";
import { MAX_CHECK_CHARS } from "../shared/limits";
import type { Highlighter } from "./highlighter";
import type { EditorSession, SessionRegistry, Verdict } from "./session";
import type { SiteAdapter, TextSnapshot } from "./sites/adapter";
import { exposeOnPage } from "./page-hooks";
import { span } from "./trace";

/** What sessions need from the content script around them. */
export interface SessionHost {
  client: CheckerClient;
  painter: Highlighter;
  /** Bumped whenever the core config changes: cached results are then stale. */
  configVersion(): number;
  /** Called after a session's findings (or their ranges) were repainted. */
  onUpdate(session: LiveSession): void;
  onRemove(session: LiveSession): void;
}

const ignoreKey = (f: Pick<Finding, "rule" | "text">) => `${f.rule}\u0000${f.text}`;

/**
 * A mutation batch this large is a bulk change (a paste, a drop, the editor re-rendering a long
 * post), not a keystroke (1-4 records in every supported editor): its check runs in a task of
 * its own instead of a microtask at the end of the editor's task, so SafePost's share never
 * lengthens the editor's own (already long) task.
 */
const BULK_RECORDS = 24;

/** Runs `fn` in a task of its own, as soon as possible (before the next frame, normally). */
function postTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(0);
}

export class LiveSession implements EditorSession {
  private snapshot: TextSnapshot | null = null;
  private checkedText: string | null = null;
  private checkedKey = "";
  /** The text and key of the last check that failed (no answer, an error): never "no findings". */
  private failedText: string | null = null;
  private failedKey = "";
  private all: Finding[] = [];
  private visible: Finding[] = [];
  private readonly ignoredOnce = new Set<string>();
  private frame = 0;
  private microtaskQueued = false;
  private taskQueued = false;
  /** Bumped on every DOM change inside the editor: a snapshot read at the same generation is current. */
  private generation = 0;
  private disposed = false;
  private checkedThisFrame = false;
  private inFlight = false;
  private rerunAfterFlight = false;
  private readonly observer: MutationObserver;

  constructor(
    readonly editor: HTMLElement,
    readonly adapter: SiteAdapter,
    private readonly host: SessionHost,
  ) {
    // Every edit, from typing, undo, paste or the framework's own re-render, mutates the DOM.
    this.observer = new MutationObserver((records) => {
      this.generation++;
      const bulk = records.length >= BULK_RECORDS;
      // The check of a bulk change runs in a later task, and a frame may be painted before it:
      // take the old underlines down now rather than let the browser show them wherever the
      // re-rendered nodes left their ranges. Findings and badge stay until the new check.
      if (bulk) this.host.painter.clear(this.editor);
      this.schedule(bulk);
    });
    this.observer.observe(editor, { childList: true, characterData: true, subtree: true });
    this.schedule();
  }

  findings(): Finding[] {
    return this.visible;
  }

  /** The snapshot the current findings' offsets refer to. */
  currentSnapshot(): TextSnapshot | null {
    return this.snapshot;
  }

  /** The text the current findings were computed for. */
  checkedFor(): string | null {
    return this.checkedText;
  }

  /**
   * Coalesces checks to one per animation frame. The first change in a frame is checked at
   * once (in a microtask, after the editor's own DOM update), so the underline is painted in
   * the same frame as the keystroke; further changes in that frame wait for the next one.
   * A bulk change (see BULK_RECORDS) is checked in a task of its own instead.
   */
  schedule(bulk = false): void {
    if (this.frame || this.microtaskQueued || this.taskQueued) return;
    if (bulk) {
      this.taskQueued = true;
      postTask(() => {
        this.taskQueued = false;
        this.markFrameBusy();
        void this.run();
      });
      return;
    }
    if (!this.checkedThisFrame) {
      this.microtaskQueued = true;
      queueMicrotask(() => {
        this.microtaskQueued = false;
        this.markFrameBusy();
        void this.run();
      });
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.markFrameBusy();
      void this.run();
    });
  }

  private markFrameBusy(): void {
    if (this.checkedThisFrame) return;
    this.checkedThisFrame = true;
    requestAnimationFrame(() => {
      this.checkedThisFrame = false;
    });
  }

  async checkNow(): Promise<Finding[]> {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    await this.run(true);
    return this.visible;
  }

  verdict(): Verdict {
    if (this.disposed || !this.editor.isConnected) return { kind: "stale" };
    let text: string;
    try {
      text = this.adapter.readText(this.editor).text;
    } catch {
      return { kind: "failed" };
    }
    const key = this.keyFor(this.options());
    if (text === this.checkedText && key === this.checkedKey) return { kind: "fresh", findings: this.visible, partial: this.partial() };
    if (text === this.failedText && key === this.failedKey) return { kind: "failed" };
    // Nothing to check is nothing to find, whatever was checked before.
    if (!text.trim()) return { kind: "fresh", findings: [], partial: false };
    return { kind: "stale" };
  }

  partial(): boolean {
    return (this.checkedText?.length ?? 0) > MAX_CHECK_CHARS;
  }

  private fail(text: string, key: string, error: unknown): void {
    this.failedText = text;
    this.failedKey = key;
    // The error's message only: never the text, never the settings.
    console.warn("SafePost: check failed:", error instanceof Error ? error.message : "unknown error");
  }

  private options(): CheckOptions {
    return { mediaAttached: this.adapter.hasMediaAttached(this.editor) };
  }

  private async run(force = false): Promise<void> {
    if (this.disposed || !this.editor.isConnected) return;
    if (this.inFlight && !force) {
      this.rerunAfterFlight = true;
      return;
    }
    const generation = this.generation;
    const snapshot = span("read", () => this.adapter.readText(this.editor));
    const options = this.options();
    const key = this.keyFor(options);
    if (snapshot.text === this.checkedText && key === this.checkedKey) {
      // Same text, but the editor may have re-rendered its nodes: rebuild the ranges only.
      this.snapshot = snapshot;
      this.paint();
      return;
    }
    if (!snapshot.text.trim()) {
      this.accept(snapshot, key, []);
      return;
    }
    let result: Finding[] | Promise<Finding[]>;
    try {
      result = span("check", () => this.host.client.check(snapshot.text, options));
    } catch (error) {
      this.fail(snapshot.text, key, error);
      return;
    }
    if (Array.isArray(result)) {
      this.accept(snapshot, key, result);
      return;
    }
    this.inFlight = true;
    try {
      const findings = await result;
      // Only paint if nothing changed while the worker was checking. Changes not yet reported
      // to the observer count too (and are handled: taking them means scheduling here).
      if (this.observer.takeRecords().length) {
        this.generation++;
        this.rerunAfterFlight = true;
      }
      if (this.disposed) {
        this.rerunAfterFlight = false;
      } else if (!this.editor.isConnected || key !== this.keyFor(this.options())) {
        this.rerunAfterFlight = true;
      } else if (this.generation === generation) {
        // The DOM is untouched since the snapshot was read: its text and nodes are current.
        this.accept(snapshot, key, findings);
      } else {
        // The editor's DOM changed (perhaps only re-rendered): paint only if the text is the same.
        const now = span("read", () => this.adapter.readText(this.editor));
        if (now.text === snapshot.text) this.accept(now, key, findings);
        else this.rerunAfterFlight = true;
      }
    } catch (error) {
      this.fail(snapshot.text, key, error);
    } finally {
      this.inFlight = false;
      if (this.rerunAfterFlight) {
        this.rerunAfterFlight = false;
        this.schedule();
      }
    }
  }

  private keyFor(options: CheckOptions): string {
    return `${this.host.configVersion()}|${options.mediaAttached ? 1 : 0}`;
  }

  private accept(snapshot: TextSnapshot, key: string, findings: Finding[]): void {
    this.snapshot = snapshot;
    this.checkedText = snapshot.text;
    this.checkedKey = key;
    this.failedText = null;
    this.all = findings.filter((f) => f.end > f.start && snapshot.text.slice(f.start, f.end) === f.text);
    this.paint();
    // Test build, for the startup benchmark (tests/bench): when this page's first check was
    // painted, on performance.now()'s clock, which the page's main world shares. A time only.
    if (__SAFEPOST_TEST__ && !document.documentElement.hasAttribute("data-safepost-first-check")) {
      exposeOnPage("first-check", performance.now().toFixed(1));
    }
  }

  private paint(): void {
    this.visible = this.all.filter((f) => !this.ignoredOnce.has(ignoreKey(f)));
    const snapshot = this.snapshot;
    const ranges = span("ranges", () => {
      const out = [];
      if (snapshot) {
        for (const f of this.visible) {
          const range = snapshot.rangeFor(f.start, f.end);
          if (range) out.push({ range, severity: f.severity });
        }
      }
      return out;
    });
    span("paint", () => this.host.painter.paint(this.editor, ranges));
    span("update", () => this.host.onUpdate(this));
  }

  /** "Ignore once": hides this phrase for this rule until the page is reloaded. */
  ignoreOnce(f: Finding): void {
    this.ignoredOnce.add(ignoreKey(f));
    this.paint();
  }

  /** A live Range for a current finding, or null if the text moved on. */
  rangeOf(f: Finding): Range | null {
    return this.snapshot?.rangeFor(f.start, f.end) ?? null;
  }

  /** The caret's text offset, when the selection is inside this editor. */
  caretOffset(selection: Selection | null): number | null {
    if (!selection || !selection.rangeCount || !this.snapshot?.offsetAt) return null;
    const r = selection.getRangeAt(0);
    if (!this.editor.contains(r.startContainer)) return null;
    return this.snapshot.offsetAt(r.startContainer, r.startOffset);
  }

  reveal(start: number, end: number): void {
    const snapshot = this.adapter.readText(this.editor);
    const range = snapshot.rangeFor(start, end);
    this.editor.scrollIntoView({ block: "center", inline: "nearest" });
    this.editor.focus({ preventScroll: true });
    if (!range) return;
    const root = this.editor.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
    const sel = root instanceof ShadowRoot && root.getSelection ? root.getSelection() : document.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    document.dispatchEvent(new Event("selectionchange"));
  }

  dispose(): void {
    this.disposed = true;
    this.observer.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.host.painter.clear(this.editor);
  }
}

/** The outermost light-DOM ancestor of `node` (its shadow host chain's top), for ordering. */
function lightAnchor(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode()) n = root.host;
  return n;
}

function documentOrder(a: LiveSession, b: LiveSession): number {
  let x: Node = a.editor, y: Node = b.editor;
  if (x.getRootNode() !== y.getRootNode()) {
    x = lightAnchor(x);
    y = lightAnchor(y);
  }
  if (x === y) return 0;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export class LiveRegistry implements SessionRegistry {
  private readonly sessions = new Map<HTMLElement, LiveSession>();
  private readonly observedRoots = new WeakSet<Node>();
  private readonly observers: MutationObserver[] = [];
  private scanFrame = 0;
  private isActive = false;
  private started = false;

  constructor(
    private readonly adapters: SiteAdapter[],
    private readonly host: SessionHost,
    private currentSettings: Settings,
  ) {}

  all(): LiveSession[] {
    return Array.from(this.sessions.values())
      .filter((s) => s.editor.isConnected)
      .sort(documentOrder);
  }

  forEditor(editor: HTMLElement): LiveSession | undefined {
    const s = this.sessions.get(editor);
    return s && editor.isConnected ? s : undefined;
  }

  /** The session whose editor contains `node` (e.g. an event target), if any. */
  containing(node: Node | null): LiveSession | undefined {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (n instanceof HTMLElement) {
        const s = this.forEditor(n);
        if (s) return s;
      }
    }
    return undefined;
  }

  active(): boolean {
    return this.isActive;
  }

  settings(): Settings {
    return this.currentSettings;
  }

  /** Switches the whole content script on or off; off removes every session and underline. */
  update(settings: Settings, active: boolean): void {
    this.currentSettings = settings;
    if (active === this.isActive) return;
    this.isActive = active;
    if (active) {
      this.start();
      this.scan();
    } else {
      for (const s of this.sessions.values()) this.remove(s);
    }
  }

  /** Asks every session to check again (config changed). */
  recheckAll(): void {
    for (const s of this.sessions.values()) s.schedule();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.observe(document.documentElement);
    // A focused editor we have not seen yet (e.g. mounted inside a closed-over subtree).
    document.addEventListener(
      "focusin",
      (e) => {
        if (!e.isTrusted || !this.isActive) return;
        const target = e.composedPath()[0];
        if (target instanceof HTMLElement && target.isContentEditable && !this.containing(target)) this.scan();
      },
      true,
    );
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    const mo = new MutationObserver(() => this.scheduleScan());
    mo.observe(root, { childList: true, subtree: true });
    this.observers.push(mo);
  }

  private scheduleScan(): void {
    if (this.scanFrame || !this.isActive) return;
    this.scanFrame = requestAnimationFrame(() => {
      this.scanFrame = 0;
      this.scan();
    });
  }

  /** Reconciles sessions with the editors now in the document and its known shadow roots. */
  scan(): void {
    if (!this.isActive) return;
    const seen = new Set<HTMLElement>();
    for (const adapter of this.adapters) {
      const scopes: Array<Document | ShadowRoot> = [document];
      if (adapter.shadowHostSelector) {
        for (const hostEl of Array.from(document.querySelectorAll(adapter.shadowHostSelector))) {
          if (hostEl.shadowRoot) {
            this.observe(hostEl.shadowRoot);
            scopes.push(hostEl.shadowRoot);
          }
        }
      }
      for (const scope of scopes) {
        for (const editor of adapter.findEditors(scope)) {
          if (seen.has(editor)) continue; // claimed by an earlier adapter
          seen.add(editor);
          if (!this.sessions.has(editor)) this.sessions.set(editor, new LiveSession(editor, adapter, this.host));
        }
      }
    }
    for (const [editor, session] of this.sessions) {
      if (!seen.has(editor) || !editor.isConnected) this.remove(session);
    }
  }

  private remove(session: LiveSession): void {
    session.dispose();
    this.sessions.delete(session.editor);
    this.host.onRemove(session);
  }
}
