// The pre-publish guard: "what happens when Post is clicked".
//
// We listen at window level in the capture phase, so we run before any of the site's own
// handlers (they live on the button, the document or a React root, all later on the path).
// When the user triggers the site's Post button or shortcut, the guard decides on a check of
// exactly the text being posted (every editor published together: an X thread):
// - every editor's findings are for its current text: decide now. Findings at or above the
//   threshold (or a text checked only in part, or a check that failed) stop the event and
//   show the summary; otherwise the event goes on to the site untouched.
// - some editor's latest check is for other text (typed or pasted just now, a service worker
//   still waking up): check it now. On the page path that is synchronous, inside this event.
//   Otherwise the event is held (stopped, with the rest of its gesture), the check runs, and
//   then either the summary opens or the action is replayed. "Checking…" shows if that takes
//   more than CHECKING_DELAY_MS.
// "Edit post" returns to the editor; "Post anyway" replays exactly what we swallowed, once, and
// our listener lets the replay through.
//
// Only the user works the guard: an event a page script made (isTrusted false) at the Post
// button is stopped whenever the user's would be (fail closed), but never opens the summary, and
// nothing in the summary reacts to untrusted events.
//
// We never touch the editor's text. The dialog lives in its own shadow root on document.body
// (closed in a release build) and is built with createElement/textContent only.
import type { EditorSession, SessionRegistry, Verdict } from "./session";
import type { Category, Finding } from "../shared/types";
import { severityRank } from "../shared/types";
import { CATEGORY_INFO, SEVERITY_LABELS } from "../shared/labels";
import { MAX_CHECK_CHARS } from "../shared/limits";
import { forceStyle, SHADOW_MODE, tagHost } from "./page-hooks";

/** One finding of the post, with the session (editor) it belongs to. */
interface Hit {
  session: EditorSession;
  /** Position of the editor within the publish group (post 1, 2... of a thread). */
  postIndex: number;
  finding: Finding;
}

/** What the guard decided for a publish group. */
interface Decision {
  hits: Hit[];
  /** Editors whose text has no check yet (held until it has), and those checks. */
  pending: EditorSession[];
  checks: Promise<unknown>[];
  /** Posts (1-based) whose check failed: SafePost does not know what is in them. */
  failed: number[];
  /** Posts (1-based) longer than SafePost checks. */
  partial: number[];
}

const clear = (d: Decision) => d.hits.length === 0 && d.pending.length === 0 && d.failed.length === 0 && d.partial.length === 0;

/** What the guard swallowed, so "Post anyway" can replay it. */
type Swallowed =
  | { kind: "pointer"; types: string[]; target: Element; init: PointerEventInit }
  | { kind: "key"; target: Element; init: KeyboardEventInit; thenClick: HTMLElement | null };

interface Blocked {
  swallowed: Swallowed;
  /** Editors published together; the first one with focus or a finding gets focus back. */
  group: EditorSession[];
  /** The post button, to find it again if the site re-rendered it meanwhile. */
  button: HTMLElement | null;
  focusBack: HTMLElement;
  /** The caret or selection in that editor when we stopped the post, to put it back. */
  caret: StaticRange | null;
  /** A held click: its gesture's last event (the click) has reached us, so a replay can't double it. */
  gestureDone: boolean;
  /** The check came back clean while the gesture was still under way: replay when it ends. */
  replayWhenDone: boolean;
}

// The order in which a mouse click reaches a page; a gesture is replayed from the event we
// stopped onwards.
const POINTER_SEQUENCE = ["pointerdown", "mousedown", "pointerup", "mouseup", "click"];

/** A held post shows "Checking…" if its check takes longer than this. */
export const CHECKING_DELAY_MS = 100;
/** A check that has not answered by then counts as failed (the summary says so). */
const CHECK_TIMEOUT_MS = 15_000;
/** A clean check waits this long for the held gesture's click before giving up (nothing posted). */
const GESTURE_WAIT_MS = 1_500;

export function installGuard(registry: SessionRegistry): () => void {
  /** Events we dispatched ourselves for "Post anyway": let them through exactly once. */
  const replays = new WeakSet<Event>();
  let blocked: Blocked | null = null;
  let ui: GuardDialog | null = null;

  function postButtonsBySession(): Map<Element, EditorSession> {
    const map = new Map<Element, EditorSession>();
    for (const session of registry.all()) {
      let buttons: HTMLElement[] = [];
      try {
        buttons = session.adapter.findPostButtons(session.editor);
      } catch {
        // An adapter failing must never break the page's Post button.
      }
      for (const b of buttons) if (!map.has(b)) map.set(b, session);
    }
    return map;
  }

  function groupOf(session: EditorSession): EditorSession[] {
    let editors: HTMLElement[];
    try {
      editors = session.adapter.publishGroup(session.editor);
    } catch {
      editors = [session.editor];
    }
    const group: EditorSession[] = [];
    for (const el of editors) {
      const s = registry.forEditor(el);
      if (s && !group.includes(s)) group.push(s);
    }
    if (!group.includes(session)) group.unshift(session);
    return group;
  }

  function verdictOf(session: EditorSession): Verdict {
    try {
      return session.verdict();
    } catch {
      return { kind: "failed" };
    }
  }

  /**
   * The decision for `group` on what is known now. An editor whose latest check is for other
   * text is checked at once; on the page path that check completes before this returns.
   */
  function decide(group: EditorSession[]): Decision {
    const threshold = severityRank(registry.settings().guardThreshold);
    const d: Decision = { hits: [], pending: [], checks: [], failed: [], partial: [] };
    group.forEach((session, postIndex) => {
      let v = verdictOf(session);
      let check: Promise<unknown> | null = null;
      if (v.kind === "stale") {
        check = session.checkNow().catch(() => {});
        v = verdictOf(session);
      }
      if (v.kind === "stale") {
        d.pending.push(session);
        if (check) d.checks.push(check);
      }
      else if (v.kind === "failed") d.failed.push(postIndex + 1);
      else {
        if (v.partial) d.partial.push(postIndex + 1);
        for (const finding of v.findings) {
          if (severityRank(finding.severity) >= threshold) d.hits.push({ session, postIndex, finding });
        }
      }
    });
    return d;
  }

  function isDisabled(el: Element): boolean {
    return el.getAttribute("aria-disabled") === "true" || (el as HTMLButtonElement).disabled === true;
  }

  /** The post button on the event's path (open shadow roots included), if any. */
  function postButtonOnPath(event: Event): { button: HTMLElement; session: EditorSession } | null {
    const path = event.composedPath();
    if (!path.some((n) => n instanceof Element)) return null;
    const map = postButtonsBySession();
    if (map.size === 0) return null;
    for (const node of path) {
      if (!(node instanceof HTMLElement)) continue;
      const session = map.get(node);
      if (session) return { button: node, session };
    }
    return null;
  }

  function stop(event: Event): void {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function deepestTarget(event: Event): Element | null {
    const first = event.composedPath()[0];
    return first instanceof Element ? first : null;
  }

  // Pointer and mouse events on the Post button: sites act on any of these.
  function onPointer(event: Event): void {
    if (replays.has(event) || !(event instanceof MouseEvent)) return;
    if (event.button !== 0) return; // right or middle click never posts
    if (blocked) {
      // A post is held or the dialog is open (modal, so the page is inert); anything that still
      // reaches a post button, e.g. the rest of the gesture that was held, must not post.
      if (event.type === "click" && event.isTrusted) gestureEnded(blocked);
      if (postButtonOnPath(event)) stop(event);
      return;
    }
    if (!registry.active()) return;
    const found = postButtonOnPath(event);
    if (!found || isDisabled(found.button)) return;
    const group = groupOf(found.session);
    const decision = decide(group);
    if (clear(decision)) return;
    stop(event);
    if (!event.isTrusted) return; // a page script's click: stopped, and no UI for it
    const from = POINTER_SEQUENCE.indexOf(event.type);
    let types = POINTER_SEQUENCE.slice(from);
    // A gesture that began with a mouse event (no pointer events seen) replays as mouse only.
    if (event.type === "mousedown" || event.type === "mouseup") types = types.filter((t) => !t.startsWith("pointer"));
    const p = event as PointerEvent;
    block(
      {
        swallowed: {
          kind: "pointer",
          types,
          target: deepestTarget(event) ?? found.button,
          init: {
            bubbles: true,
            cancelable: true,
            composed: true,
            clientX: p.clientX,
            clientY: p.clientY,
            screenX: p.screenX,
            screenY: p.screenY,
            ctrlKey: p.ctrlKey,
            shiftKey: p.shiftKey,
            altKey: p.altKey,
            metaKey: p.metaKey,
            button: 0,
            detail: event.type === "click" ? p.detail : 1,
            pointerId: "pointerId" in p ? p.pointerId : 1,
            pointerType: "pointerType" in p && p.pointerType ? p.pointerType : "mouse",
            isPrimary: true,
          },
        },
        group,
        button: found.button,
        focusBack: focusTarget(group, decision.hits),
        gestureDone: event.type === "click",
      },
      decision,
    );
  }

  function onKeydown(event: KeyboardEvent): void {
    if (replays.has(event) || event.isComposing) return;
    if (blocked) return;
    if (!registry.active()) return;
    const path = event.composedPath();

    // Enter or Space on a focused Post button (Facebook's div[role=button] acts on keydown).
    if (event.key === "Enter" || event.key === " ") {
      const found = postButtonOnPath(event);
      if (found) {
        if (isDisabled(found.button)) return;
        const group = groupOf(found.session);
        const decision = decide(group);
        if (clear(decision)) return;
        stop(event);
        if (!event.isTrusted) return;
        // A native button activates on a trusted key only; our replayed key can't, so it is
        // followed by the click the browser would have made.
        const native = found.button.matches("button, input[type=submit], input[type=button], a[href]");
        block(
          {
            swallowed: {
              kind: "key",
              target: deepestTarget(event) ?? found.button,
              init: keyInit(event),
              thenClick: native ? found.button : null,
            },
            group,
            button: found.button,
            focusBack: focusTarget(group, decision.hits),
            gestureDone: true,
          },
          decision,
        );
        return;
      }
    }

    // The site's publish shortcut inside an editor (X: Ctrl/Cmd+Enter).
    for (const session of registry.all()) {
      if (!path.includes(session.editor)) continue;
      let isShortcut = false;
      try {
        isShortcut = session.adapter.isPostShortcut(event, session.editor);
      } catch {
        isShortcut = false;
      }
      if (!isShortcut) return;
      const group = groupOf(session);
      const decision = decide(group);
      if (clear(decision)) return;
      stop(event);
      if (!event.isTrusted) return;
      block(
        {
          swallowed: { kind: "key", target: deepestTarget(event) ?? session.editor, init: keyInit(event), thenClick: null },
          group,
          button: null,
          focusBack: session.editor,
          gestureDone: true,
        },
        decision,
      );
      return;
    }
  }

  function block(b: Omit<Blocked, "caret" | "replayWhenDone">, decision: Decision): void {
    // Save the caret before the modal takes focus: Chromium drops the selection of content
    // that becomes inert, and focusing the editor again would put the caret at the start.
    const mine: Blocked = { ...b, caret: saveCaret(b.focusBack), replayWhenDone: false };
    blocked = mine;
    ui ??= new GuardDialog();
    const handlers: DialogHandlers = {
      onEdit: () => finish(false),
      onPostAnyway: () => finish(true),
      onReveal: (hit) => {
        finish(false, false);
        try {
          hit.session.reveal(hit.finding.start, hit.finding.end);
        } catch {
          hit.session.editor.focus();
        }
      },
    };
    if (decision.pending.length === 0) {
      ui.open(summaryOf(decision), handlers);
      return;
    }
    // Held: check exactly this text, then decide. "Checking…" if that is not quick.
    const checking = setTimeout(() => {
      if (blocked === mine && ui && !ui.isOpen()) ui.open({ checking: true, hits: [], failed: [], partial: [] }, handlers);
    }, CHECKING_DELAY_MS);
    const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), CHECK_TIMEOUT_MS));
    void Promise.race([Promise.allSettled(decision.checks), timeout]).then((result) => {
      clearTimeout(checking);
      if (blocked !== mine || !ui) return;
      let now = decide(mine.group);
      if (result === "timeout" || now.pending.length) {
        // No answer for some post: say so; never treat it as clean.
        const late = mine.group.map((s, i) => (now.pending.includes(s) ? i + 1 : 0)).filter((i) => i > 0);
        now = { ...now, pending: [], checks: [], failed: [...now.failed, ...late] };
      }
      if (clear(now)) {
        if (mine.gestureDone || ui.isOpen()) finish(true);
        else {
          mine.replayWhenDone = true;
          setTimeout(() => {
            if (blocked === mine && mine.replayWhenDone) finish(false);
          }, GESTURE_WAIT_MS);
        }
        return;
      }
      mine.focusBack = focusTarget(mine.group, now.hits);
      ui.open(summaryOf(now), handlers);
    });
  }

  /** The held gesture's click arrived: if its check is already clean, post now. */
  function gestureEnded(b: Blocked): void {
    b.gestureDone = true;
    if (b.replayWhenDone) queueMicrotask(() => blocked === b && finish(true));
  }

  /** Closes the summary; replays the swallowed action when `post` is true. */
  function finish(post: boolean, restoreFocus = true): void {
    const b = blocked;
    blocked = null;
    ui?.close();
    if (!b) return;
    if (post) replay(b);
    else if (restoreFocus) focusEditor(b.focusBack, b.caret);
  }

  function replay(b: Blocked): void {
    const s = b.swallowed;
    let target: Element | null = s.target.isConnected ? s.target : null;
    if (!target && b.button?.isConnected) target = b.button;
    if (!target && s.kind === "pointer") target = currentPostButton(b.group);
    if (!target) return; // the composer is gone; there is nothing left to post
    const button = b.button?.isConnected ? b.button : null;
    if (button && isDisabled(button)) return; // the site itself says it can't post now
    if (s.kind === "pointer") {
      for (const type of s.types) {
        const init: PointerEventInit = { ...s.init, buttons: type.endsWith("down") ? 1 : 0 };
        const ev = type.startsWith("pointer") ? new PointerEvent(type, init) : new MouseEvent(type, init);
        replays.add(ev);
        target.dispatchEvent(ev);
      }
    } else {
      if (!s.thenClick) focusEditor(b.focusBack, b.caret); // shortcuts are read from the focused editor
      const ev = new KeyboardEvent("keydown", s.init);
      replays.add(ev);
      const notCancelled = target.dispatchEvent(ev);
      if (s.thenClick && notCancelled && s.thenClick.isConnected) {
        const click = new MouseEvent("click", { bubbles: true, cancelable: true, composed: true, detail: 0 });
        replays.add(click);
        s.thenClick.dispatchEvent(click);
      }
    }
  }

  function currentPostButton(group: EditorSession[]): HTMLElement | null {
    for (const s of group) {
      try {
        const b = s.adapter.findPostButtons(s.editor)[0];
        if (b) return b;
      } catch {
        // try the next editor
      }
    }
    return null;
  }

  const pointerTypes = ["pointerdown", "mousedown", "pointerup", "mouseup", "click"] as const;
  for (const t of pointerTypes) window.addEventListener(t, onPointer, true);
  window.addEventListener("keydown", onKeydown, true);

  return () => {
    for (const t of pointerTypes) window.removeEventListener(t, onPointer, true);
    window.removeEventListener("keydown", onKeydown, true);
    blocked = null;
    ui?.destroy();
    ui = null;
  };
}

/** What the dialog shows. */
interface Summary {
  /** Still checking: no verdict yet, only "Edit post". */
  checking: boolean;
  hits: Hit[];
  failed: number[];
  partial: number[];
}

function summaryOf(d: Decision): Summary {
  return { checking: false, hits: d.hits, failed: d.failed, partial: d.partial };
}

function keyInit(e: KeyboardEvent): KeyboardEventInit & { keyCode: number; which: number; charCode: number } {
  return {
    bubbles: true,
    cancelable: true,
    composed: true,
    key: e.key,
    code: e.code,
    location: e.location,
    ctrlKey: e.ctrlKey,
    shiftKey: e.shiftKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    repeat: false,
    // Legacy fields: older key handlers (Draft.js among them) still read keyCode.
    keyCode: e.keyCode,
    which: e.which,
    charCode: e.charCode,
  };
}

/** The editor to return to: the focused one of the group, else the first with a finding. */
function focusTarget(group: EditorSession[], hits: Hit[]): HTMLElement {
  for (const s of group) {
    const root = s.editor.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    if (active && (active === s.editor || s.editor.contains(active))) return s.editor;
  }
  return hits[0]?.session.editor ?? group[0].editor;
}

/** The document's selection, or the shadow root's where the editor lives in one (Quill). */
function selectionFor(editor: HTMLElement): Selection | null {
  const root = editor.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  if (root instanceof ShadowRoot && typeof root.getSelection === "function") return root.getSelection();
  return document.getSelection();
}

function saveCaret(editor: HTMLElement): StaticRange | null {
  const sel = selectionFor(editor);
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!editor.contains(r.startContainer) || !editor.contains(r.endContainer)) return null;
  return new StaticRange({ startContainer: r.startContainer, startOffset: r.startOffset, endContainer: r.endContainer, endOffset: r.endOffset });
}

function focusEditor(editor: HTMLElement, caret: StaticRange | null): void {
  if (!editor.isConnected) return;
  const active = (editor.getRootNode() as Document | ShadowRoot).activeElement;
  if (!active || !(active === editor || editor.contains(active))) editor.focus({ preventScroll: true });
  if (!caret || !editor.contains(caret.startContainer) || !editor.contains(caret.endContainer)) return;
  const sel = document.getSelection();
  const now = selectionFor(editor);
  const cur = now && now.rangeCount ? now.getRangeAt(0) : null;
  if (
    cur &&
    cur.startContainer === caret.startContainer &&
    cur.startOffset === caret.startOffset &&
    cur.endContainer === caret.endContainer &&
    cur.endOffset === caret.endOffset
  ) {
    return; // already where the user left it
  }
  try {
    // Offsets may have outlived a re-render of the text node; then the browser throws.
    sel?.setBaseAndExtent(caret.startContainer, caret.startOffset, caret.endContainer, caret.endOffset);
  } catch {
    // Keep whatever caret focusing gave us.
  }
}

interface DialogHandlers {
  onEdit(): void;
  onPostAnyway(): void;
  onReveal(hit: Hit): void;
}

/** The summary dialog: a modal <dialog> in the top layer, inside our own shadow root. */
class GuardDialog {
  private host: HTMLDivElement;
  private dialog: HTMLDialogElement;
  private body: HTMLDivElement;
  private lead: HTMLParagraphElement;
  private title: HTMLHeadingElement;
  private notes: HTMLDivElement;
  private editBtn: HTMLButtonElement;
  private anyway: HTMLButtonElement;
  private shadow: ShadowRoot;
  private handlers: DialogHandlers | null = null;
  /** A click on the backdrop closes only if it also started there (not the opening click). */
  private downOnBackdrop = false;

  constructor() {
    this.host = document.createElement("div");
    tagHost(this.host, "data-safepost", "guard");
    // Page CSS cannot hide the host (and so the modal dialog, leaving the page inert).
    forceStyle(this.host, { display: "block", position: "static" }, true);
    const shadow = this.host.attachShadow({ mode: SHADOW_MODE });
    this.shadow = shadow;
    applyStyles(shadow);

    this.dialog = el("dialog", "sp-dialog");
    this.dialog.setAttribute("aria-modal", "true");
    this.dialog.setAttribute("aria-labelledby", "sp-title");
    this.dialog.setAttribute("aria-describedby", "sp-lead");
    const card = el("div", "sp-card");

    const header = el("div", "sp-header");
    const badge = el("span", "sp-mark");
    badge.setAttribute("aria-hidden", "true");
    badge.textContent = "!";
    const titles = el("div", "sp-titles");
    const kicker = el("p", "sp-kicker");
    kicker.textContent = "SafePost";
    const title = el("h2", "sp-title");
    title.id = "sp-title";
    title.textContent = "Check this before you post";
    this.title = title;
    titles.append(kicker, title);
    header.append(badge, titles);

    this.lead = el("p", "sp-lead");
    this.lead.id = "sp-lead";
    this.body = el("div", "sp-body");
    this.notes = el("div", "sp-notes");

    const actions = el("div", "sp-actions");
    const anyway = el("button", "sp-btn sp-secondary");
    this.anyway = anyway;
    anyway.type = "button";
    anyway.textContent = "Post anyway";
    anyway.dataset.action = "post-anyway";
    this.editBtn = el("button", "sp-btn sp-primary");
    this.editBtn.type = "button";
    this.editBtn.textContent = "Edit post";
    this.editBtn.dataset.action = "edit";
    this.editBtn.autofocus = true;
    actions.append(anyway, this.editBtn);

    const note = el("p", "sp-note");
    note.textContent = "Your post has not been changed. Checked on this device; nothing was sent anywhere.";

    card.append(header, this.lead, this.notes, this.body, actions, note);
    this.dialog.append(card);
    shadow.append(this.dialog);

    // Every handler acts on the user's events only (isTrusted): a page script can neither post
    // nor dismiss through the summary.
    anyway.addEventListener("click", (e) => {
      if (e.isTrusted && !this.checking) this.handlers?.onPostAnyway();
    });
    this.editBtn.addEventListener("click", (e) => {
      if (e.isTrusted) this.handlers?.onEdit();
    });
    // Escape: the dialog's own cancel; we close it ourselves so focus goes to the editor.
    this.dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      if (e.isTrusted) this.handlers?.onEdit();
    });
    this.dialog.addEventListener("pointerdown", (e) => {
      this.downOnBackdrop = e.isTrusted && e.target === this.dialog && this.outsideCard(e);
    });
    this.dialog.addEventListener("click", (e) => {
      if (e.isTrusted && e.target === this.dialog && this.downOnBackdrop && this.outsideCard(e)) this.handlers?.onEdit();
      this.downOnBackdrop = false;
    });
    this.dialog.addEventListener("keydown", (e) => {
      if (!e.isTrusted) return;
      // A held Enter that opened the dialog must not also press "Edit post" by auto-repeat.
      if (e.repeat && (e.key === "Enter" || e.key === " ")) e.preventDefault();
      if (e.key === "Tab") this.trapTab(e);
      // Keys typed here are ours, not the site's keyboard shortcuts.
      e.stopPropagation();
    });
  }

  private checking = false;

  isOpen(): boolean {
    return this.dialog.open;
  }

  open(summary: Summary, handlers: DialogHandlers): void {
    this.handlers = handlers;
    this.downOnBackdrop = false;
    this.update(summary);
    if (!this.host.isConnected) document.body.append(this.host);
    if (!this.dialog.open) this.dialog.showModal();
    this.editBtn.focus();
  }

  update(summary: Summary): void {
    const { hits, failed, partial } = summary;
    this.checking = summary.checking;
    this.anyway.hidden = summary.checking;
    this.dialog.setAttribute("aria-busy", summary.checking ? "true" : "false");
    if (summary.checking) {
      this.title.textContent = "Checking\u2026";
      this.lead.textContent = "SafePost is checking this post before it goes out. It will be posted as soon as the check is done, unless something needs your attention.";
      this.notes.replaceChildren();
      this.body.replaceChildren();
      return;
    }
    this.title.textContent = "Check this before you post";
    const multi = new Set(hits.map((h) => h.postIndex)).size > 1 || hits.some((h) => h.postIndex > 0);
    const n = hits.length;
    this.lead.textContent =
      n === 0
        ? "SafePost could not check all of this post."
        : n === 1
          ? "SafePost found something in this post that could breach patient confidentiality or professional standards."
          : `SafePost found ${n} things in this post that could breach patient confidentiality or professional standards.`;
    const notes: HTMLElement[] = [];
    const which = (posts: number[]) => (multi || posts.some((p) => p > 1) ? ` (post ${posts.join(", ")})` : "");
    if (failed.length) {
      const p = el("p", "sp-warn");
      p.textContent = `SafePost could not check this post${which(failed)}, so it may hold something it would have flagged. Read it through before you post.`;
      notes.push(p);
    }
    if (partial.length) {
      const p = el("p", "sp-warn");
      p.textContent = `This post is longer than SafePost checks${which(partial)}: only its first ${MAX_CHECK_CHARS.toLocaleString("en-GB")} characters were checked. Read the rest yourself before you post.`;
      notes.push(p);
    }
    this.notes.replaceChildren(...notes);
    this.body.replaceChildren(...groupByCategory(hits).map((g) => this.renderGroup(g, multi)));
  }

  close(): void {
    this.handlers = null;
    if (this.dialog.open) this.dialog.close();
    this.host.remove();
  }

  destroy(): void {
    this.close();
  }

  private renderGroup(group: { category: Category; hits: Hit[] }, multi: boolean): HTMLElement {
    const section = el("section", "sp-group");
    const head = el("h3", "sp-group-title");
    const top = group.hits[0].finding.severity;
    const chip = el("span", `sp-chip sp-${top}`);
    chip.textContent = SEVERITY_LABELS[top];
    const name = el("span", "sp-group-name");
    name.textContent = CATEGORY_INFO[group.category]?.label ?? group.category;
    head.append(name, chip);
    const list = el("ul", "sp-list");
    for (const hit of group.hits) {
      const item = el("li", "sp-item");
      const msg = el("p", "sp-msg");
      msg.textContent = hit.finding.message;
      const row = el("div", "sp-row");
      const quote = el("q", "sp-quote");
      quote.textContent = hit.finding.text;
      const link = el("button", "sp-link");
      link.type = "button";
      link.textContent = multi ? `Show in post ${hit.postIndex + 1}` : "Show in post";
      link.setAttribute("aria-label", `Show \u201c${hit.finding.text}\u201d in the post`);
      link.addEventListener("click", (e) => {
        if (e.isTrusted) this.handlers?.onReveal(hit);
      });
      row.append(quote, link);
      item.append(msg, row);
      // The guidance for the user's profession, e.g. "GMC, Using social media... (2024), para 20".
      const g = hit.finding.guidance?.[0];
      if (g) {
        const guide = el("p", "sp-guide");
        guide.textContent = [g.source, g.title, g.section].filter(Boolean).join(", ");
        item.append(guide);
      }
      list.append(item);
    }
    section.append(head, list);
    return section;
  }

  private outsideCard(e: MouseEvent): boolean {
    const r = this.dialog.getBoundingClientRect();
    return e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom || e.target === this.dialog;
  }

  /** Keeps Tab inside the dialog (the modal makes the page inert, not the browser's chrome). */
  private trapTab(e: KeyboardEvent): void {
    const focusables = Array.from(this.dialog.querySelectorAll<HTMLElement>("button"));
    if (focusables.length === 0) return;
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    const active = this.shadow.activeElement;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }
}

/** Categories ordered by their most severe finding; inside each, severity then position. */
function groupByCategory(hits: Hit[]): Array<{ category: Category; hits: Hit[] }> {
  const sorted = [...hits].sort(
    (a, b) =>
      severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
      a.postIndex - b.postIndex ||
      a.finding.start - b.finding.start,
  );
  const groups = new Map<Category, Hit[]>();
  for (const h of sorted) {
    const list = groups.get(h.finding.category);
    if (list) list.push(h);
    else groups.set(h.finding.category, [h]);
  }
  return Array.from(groups, ([category, list]) => ({ category, hits: list }));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/** Constructable stylesheet where possible (not subject to the page's style-src); else <style>. */
function applyStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(GUARD_CSS);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Firefox content scripts may refuse a sheet built in the isolated world.
  }
  const style = document.createElement("style");
  style.textContent = GUARD_CSS;
  shadow.append(style);
}

const GUARD_CSS = `
:host { all: initial; }
.sp-dialog {
  --bg: #ffffff; --fg: #17202a; --muted: #52606d; --line: #e3e8ee; --soft: #f5f7fa;
  --accent: #0b5cad; --accent-fg: #ffffff; --critical: #b42318; --critical-bg: #fdecea;
  --high: #c4320a; --high-bg: #fff1e8; --medium: #8a5a00; --medium-bg: #fff6dc;
  --low: #3b5b7a; --low-bg: #eaf1f8; --quote: #fff6dc;
  box-sizing: border-box; width: min(480px, calc(100vw - 32px)); max-height: calc(100vh - 48px);
  padding: 0; border: 1px solid var(--line); border-radius: 14px; overflow: auto;
  background: var(--bg); color: var(--fg); box-shadow: 0 24px 64px rgba(15, 23, 42, .28);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color-scheme: light;
}
.sp-dialog::backdrop { background: rgba(15, 23, 42, .45); }
@media (prefers-color-scheme: dark) {
  .sp-dialog {
    --bg: #1b2129; --fg: #e8edf2; --muted: #a3afbd; --line: #333d49; --soft: #232b35;
    --accent: #5aa2f0; --accent-fg: #0d1620; --critical: #ff8a80; --critical-bg: #4a1f1c;
    --high: #ffab70; --high-bg: #48291a; --medium: #f1c75b; --medium-bg: #3e3218;
    --low: #9cc3e8; --low-bg: #1f3246; --quote: #3a3220;
    box-shadow: 0 24px 64px rgba(0, 0, 0, .6); color-scheme: dark;
  }
  .sp-dialog::backdrop { background: rgba(0, 0, 0, .6); }
}
* { box-sizing: border-box; }
.sp-card { padding: 20px 22px 16px; }
.sp-header { display: flex; gap: 12px; align-items: center; }
.sp-mark {
  flex: none; width: 34px; height: 34px; border-radius: 50%; display: grid; place-items: center;
  background: var(--critical-bg); color: var(--critical); font-weight: 800; font-size: 18px;
}
.sp-kicker { margin: 0; color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
.sp-title { margin: 0; font-size: 19px; line-height: 1.25; font-weight: 700; }
.sp-lead { margin: 12px 0 14px; color: var(--muted); }
.sp-body { display: grid; gap: 10px; }
.sp-group { border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px; background: var(--soft); }
.sp-group-title { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin: 0 0 6px; font-size: 14px; font-weight: 700; }
.sp-chip { font-size: 11px; font-weight: 700; padding: 2px 8px; border-radius: 999px; letter-spacing: .02em; }
.sp-critical { color: var(--critical); background: var(--critical-bg); }
.sp-high { color: var(--high); background: var(--high-bg); }
.sp-medium { color: var(--medium); background: var(--medium-bg); }
.sp-low { color: var(--low); background: var(--low-bg); }
.sp-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.sp-item + .sp-item { border-top: 1px solid var(--line); padding-top: 8px; }
.sp-msg { margin: 0 0 4px; }
.sp-guide { margin: 4px 0 0; color: var(--muted); font-size: 12.5px; }
.sp-row { display: flex; align-items: baseline; justify-content: space-between; gap: 10px; flex-wrap: wrap; }
.sp-quote { quotes: "\\201C" "\\201D"; background: var(--quote); border-radius: 4px; padding: 0 4px; font-weight: 600; overflow-wrap: anywhere; }
.sp-link {
  border: 0; background: none; padding: 2px 0; color: var(--accent); font: inherit; font-size: 14px;
  font-weight: 600; cursor: pointer; text-decoration: underline; text-underline-offset: 2px;
}
.sp-actions { display: flex; justify-content: flex-end; gap: 10px; margin-top: 18px; flex-wrap: wrap; }
.sp-btn { font: inherit; font-weight: 700; border-radius: 999px; padding: 8px 18px; cursor: pointer; min-height: 38px; }
.sp-primary { background: var(--accent); color: var(--accent-fg); border: 1px solid var(--accent); }
.sp-secondary { background: transparent; color: var(--fg); border: 1px solid var(--line); }
.sp-secondary:hover { background: var(--soft); }
.sp-btn:focus-visible, .sp-link:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.sp-notes { display: grid; gap: 8px; }
.sp-notes:not(:empty) { margin-bottom: 12px; }
.sp-warn { margin: 0; padding: 8px 10px; border-radius: 8px; background: var(--high-bg); color: var(--fg); font-size: 14px; }
.sp-note { margin: 12px 0 0; color: var(--muted); font-size: 12px; text-align: right; }
`;
