// The suggestion card: why a phrase was flagged, the guidance for the user's profession, a
// one-click rewrite, and ignore / always ignore / turn the rule off. Opens on hover or click
// over an underline, from the badge (as a list), or by keyboard (Alt+Shift+S cycles findings
// from the caret; Escape closes). Built with createElement/textContent only.
import { MAX_CHECK_CHARS } from "../shared/limits";
import type { Finding } from "../shared/types";
import { categoryLabel, SEVERITY_COLORS, SEVERITY_LABELS } from "./labels";
import type { LiveRegistry, LiveSession } from "./registry";
import { selectionFor } from "./sites/dom-text";
import { forceStyle } from "./page-hooks";
import { createHost, el, hostKind, supportsPopover, uiParentFor } from "./ui-host";

export interface CardActions {
  apply(session: LiveSession, finding: Finding): void;
  ignoreOnce(session: LiveSession, finding: Finding): void;
  alwaysIgnore(session: LiveSession, finding: Finding): Promise<void>;
  disableRule(session: LiveSession, finding: Finding): Promise<void>;
}

const CARD_CSS = `
:host { all: initial; }
.card { box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px); font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f1f1f; background: #fff; border: 1px solid #d0d7de; border-radius: 10px; box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 12px 14px; }
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.sev { color: #fff; border-radius: 999px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
.cat { font-weight: 600; flex: 1; }
.close { border: 0; background: transparent; font-size: 18px; line-height: 1; cursor: pointer; color: inherit; padding: 2px 6px; }
.msg { margin: 4px 0 8px; }
.guide { margin: 0 0 8px; padding-left: 16px; font-size: 12px; color: #57606a; }
.suggest { display: flex; align-items: center; gap: 8px; background: #f6f8fa; border-radius: 8px; padding: 6px 8px; margin-bottom: 8px; }
.suggest .label { flex: 1; }
.suggest strong { font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; border: 1px solid #d0d7de; background: #fff; color: #1f1f1f; padding: 4px 10px; }
button.primary { background: #0f766e; border-color: #0f766e; color: #fff; font-weight: 600; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.list { list-style: none; margin: 0; padding: 0; }
.list button { width: 100%; text-align: left; border: 0; border-radius: 6px; padding: 6px; display: block; }
.list button:hover { background: #f6f8fa; }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; }
.quote { font-weight: 600; }
.partial { margin: 8px 0 0; font-size: 12px; color: #7a2e0b; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; background: #161b22; border-color: #30363d; box-shadow: 0 8px 24px rgba(0,0,0,.5); }
  .guide { color: #9da7b3; }
  .suggest, .list button:hover { background: #21262d; }
  button { background: #21262d; color: #e6edf3; border-color: #30363d; }
  button.primary { background: #14b8a6; border-color: #14b8a6; color: #04201d; }
}
`;

type Shown =
  | { kind: "finding"; session: LiveSession; finding: Finding; via: "hover" | "click" | "keyboard" }
  | { kind: "list"; session: LiveSession };

const sameFinding = (a: Finding, b: Finding) => a.rule === b.rule && a.start === b.start && a.end === b.end && a.text === b.text;

export class SuggestionCard {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private shown: Shown | null = null;
  private anchor: DOMRect | null = null;

  constructor(private readonly actions: CardActions) {
    ({ host: this.host, root: this.root } = createHost("card", CARD_CSS));
    if (supportsPopover) {
      // Top layer: above the site's own dialogs and stacking contexts.
      this.host.popover = "manual";
      forceStyle(this.host, { margin: "0", padding: "0", border: "0", background: "transparent", overflow: "visible", inset: "auto" });
    }
  }

  isOpen(): boolean {
    return this.shown !== null;
  }

  current(): Shown | null {
    return this.shown;
  }

  /** True when `node` is part of the card (pointer over it, focus in it). */
  contains(node: EventTarget | null): boolean {
    return node === this.host || (node instanceof Node && this.root.contains(node));
  }

  openFinding(session: LiveSession, finding: Finding, anchor: DOMRect, via: "hover" | "click" | "keyboard"): void {
    const s = this.shown;
    if (s?.kind === "finding" && s.session === session && sameFinding(s.finding, finding) && via === "hover") return;
    this.shown = { kind: "finding", session, finding, via };
    this.anchor = anchor;
    this.render();
    if (via === "keyboard") this.focusFirst();
  }

  openList(session: LiveSession, anchor: DOMRect): void {
    this.shown = { kind: "list", session };
    this.anchor = anchor;
    this.render();
    this.focusFirst();
  }

  close(returnFocus = false): void {
    const shown = this.shown;
    this.shown = null;
    if (supportsPopover && this.host.matches(":popover-open")) this.host.hidePopover();
    this.host.remove();
    if (returnFocus && shown) shown.session.editor.focus({ preventScroll: true });
  }

  /** The session's findings changed: drop the card if its finding is gone, else refresh. */
  refresh(session: LiveSession): void {
    const s = this.shown;
    if (!s || s.session !== session) return;
    if (s.kind === "finding") {
      const still = session.findings().find((f) => sameFinding(f, s.finding));
      if (!still) this.close();
      return;
    }
    if (!session.findings().length) this.close();
    else this.render();
  }

  private focusFirst(): void {
    this.root.querySelector<HTMLButtonElement>("button.primary, .list button, button")?.focus();
  }

  private render(): void {
    const s = this.shown;
    if (!s) return;
    const card = el("div", "card");
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-label", "SafePost suggestion");
    if (s.kind === "finding") this.renderFinding(card, s.session, s.finding);
    else this.renderList(card, s.session);
    if (s.session.partial()) {
      card.append(el("p", "partial", `This post is longer than SafePost checks: only its first ${MAX_CHECK_CHARS.toLocaleString("en-GB")} characters were checked.`));
    }
    this.root.replaceChildren(this.root.querySelector("style")!, card);
    const parent = uiParentFor(s.session.editor);
    if (this.host.parentNode !== parent) {
      if (supportsPopover && this.host.matches(":popover-open")) this.host.hidePopover();
      parent.append(this.host);
    }
    if (supportsPopover && !this.host.matches(":popover-open")) this.host.showPopover();
    this.place(card);
  }

  /** Below the phrase if it fits, else above; kept inside the viewport. */
  private place(card: HTMLElement): void {
    const a = this.anchor;
    if (!a) return;
    const w = card.offsetWidth || 340, h = card.offsetHeight || 200;
    const left = Math.max(8, Math.min(a.left, innerWidth - w - 8));
    const below = a.bottom + 6;
    const top = below + h <= innerHeight - 8 ? below : Math.max(8, a.top - h - 6);
    forceStyle(this.host, { left: `${left}px`, top: `${top}px` });
  }

  private renderFinding(card: HTMLElement, session: LiveSession, f: Finding): void {
    const head = el("div", "head");
    const sev = el("span", "sev", SEVERITY_LABELS[f.severity] ?? f.severity);
    sev.style.background = SEVERITY_COLORS[f.severity] ?? "#555";
    const close = el("button", "close", "×");
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", (e) => {
      if (e.isTrusted) this.close(true);
    });
    head.append(sev, el("span", "cat", categoryLabel(f.category)), close);
    card.append(head, el("p", "msg", f.message));

    if (f.guidance?.length) {
      const list = el("ul", "guide");
      for (const g of f.guidance.slice(0, 2)) {
        list.append(el("li", undefined, [g.source, g.title, g.section].filter(Boolean).join(", ")));
      }
      card.append(list);
    }

    if (f.suggestion !== undefined) {
      const row = el("div", "suggest");
      const label = el("span", "label");
      label.append("Try: ", el("strong", undefined, f.suggestion || "(remove)"));
      const apply = el("button", "primary", "Apply");
      apply.dataset.action = "apply";
      apply.addEventListener("click", (e) => {
        if (!e.isTrusted) return; // only the user, never a page script, works SafePost's UI
        this.close();
        this.actions.apply(session, f);
      });
      row.append(label, apply);
      card.append(row);
    }

    const actions = el("div", "actions");
    const button = (text: string, action: string, run: () => void | Promise<void>) => {
      const b = el("button", undefined, text);
      b.dataset.action = action;
      b.addEventListener("click", (e) => {
        if (!e.isTrusted) return;
        this.close(true);
        void run();
      });
      actions.append(b);
    };
    button("Ignore once", "ignore-once", () => this.actions.ignoreOnce(session, f));
    button("Always ignore this phrase", "always-ignore", () => this.actions.alwaysIgnore(session, f));
    button("Turn off this rule", "disable-rule", () => this.actions.disableRule(session, f));
    card.append(actions);
  }

  private renderList(card: HTMLElement, session: LiveSession): void {
    const head = el("div", "head");
    const findings = session.findings();
    const close = el("button", "close", "×");
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", (e) => {
      if (e.isTrusted) this.close(true);
    });
    head.append(el("span", "cat", `SafePost: ${findings.length} to review`), close);
    const list = el("ul", "list");
    for (const f of findings) {
      const item = el("li");
      const b = el("button");
      const dot = el("span", "dot");
      dot.style.background = SEVERITY_COLORS[f.severity] ?? "#555";
      b.append(dot, el("span", "quote", `“${f.text}”`), ` ${categoryLabel(f.category)}`);
      b.addEventListener("click", (e) => {
        if (!e.isTrusted) return;
        const rect = session.rangeOf(f)?.getBoundingClientRect() ?? this.anchor ?? new DOMRect();
        this.openFinding(session, f, rect, "keyboard");
      });
      item.append(b);
      list.append(item);
    }
    card.append(head, list);
  }
}

/** Client rects of a finding's phrase; empty if its text has moved on. */
function rectsOf(session: LiveSession, f: Finding): DOMRect[] {
  const range = session.rangeOf(f);
  return range ? Array.from(range.getClientRects()) : [];
}

function hit(rects: DOMRect[], x: number, y: number, slack = 2): DOMRect | null {
  for (const r of rects) {
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return r;
  }
  return null;
}

/** The finding under the point, if the pointer is over an underlined phrase. */
function findingAt(session: LiveSession, x: number, y: number): { finding: Finding; rect: DOMRect } | null {
  for (const f of session.findings()) {
    const rect = hit(rectsOf(session, f), x, y);
    if (rect) return { finding: f, rect };
  }
  return null;
}

/** Hover, click and keyboard triggers for the card. Returns a function that removes them. */
export function installCardTriggers(registry: LiveRegistry, card: SuggestionCard): () => void {
  // composedPath() is empty once dispatch is over, so keep it with the coordinates.
  let pending: { x: number; y: number; path: EventTarget[] } | null = null;
  let frame = 0;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const cancelClose = () => {
    if (closeTimer !== undefined) clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const closeSoon = () => {
    if (closeTimer !== undefined) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      const s = card.current();
      if (s?.kind === "finding" && s.via === "hover") card.close();
    }, 300);
  };

  // Every trigger ignores events a page script made (isTrusted false): only the user opens,
  // cycles or closes the card.
  const onPointerMove = (e: PointerEvent) => {
    if (!e.isTrusted || !registry.active()) return;
    pending = { x: e.clientX, y: e.clientY, path: e.composedPath() };
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const ev = pending;
      pending = null;
      if (!ev) return;
      const path = ev.path;
      if (path.some((t) => card.contains(t))) {
        cancelClose();
        return;
      }
      const session = registry.containing(path[0] as Node);
      const found = session ? findingAt(session, ev.x, ev.y) : null;
      if (session && found) {
        cancelClose();
        const s = card.current();
        // Don't replace a card the user opened deliberately.
        if (!s || (s.kind === "finding" && s.via === "hover")) card.openFinding(session, found.finding, found.rect, "hover");
      } else closeSoon();
    });
  };

  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted || !registry.active()) return;
    const path = e.composedPath();
    if (path.some((t) => card.contains(t))) return;
    const session = registry.containing(path[0] as Node);
    const found = session ? findingAt(session, e.clientX, e.clientY) : null;
    if (session && found) card.openFinding(session, found.finding, found.rect, "click");
    else if (card.isOpen() && !path.some((t) => hostKind(t) === "badge")) card.close();
  };

  let cycleIndex = -1;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.isTrusted || !registry.active()) return;
    if (e.key === "Escape" && card.isOpen()) {
      e.preventDefault();
      e.stopPropagation(); // don't also close the site's dialog
      card.close(true);
      return;
    }
    // Alt+Shift+S: no browser, OS or site binding on X, Facebook or LinkedIn.
    if (!(e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === "KeyS")) return;
    const current = card.current();
    const session = registry.containing(e.composedPath()[0] as Node) ?? current?.session;
    if (!session) return;
    const findings = session.findings();
    e.preventDefault();
    e.stopPropagation();
    if (!findings.length) return;
    if (current?.kind === "finding" && current.session === session) {
      const i = findings.findIndex((f) => sameFinding(f, current.finding));
      cycleIndex = (i + 1) % findings.length;
    } else {
      const caret = session.caretOffset(selectionFor(session.editor)) ?? 0;
      const next = findings.findIndex((f) => f.end >= caret);
      cycleIndex = next < 0 ? 0 : next;
    }
    const f = findings[cycleIndex];
    const rect = session.rangeOf(f)?.getBoundingClientRect() ?? session.editor.getBoundingClientRect();
    card.openFinding(session, f, rect, "keyboard");
  };

  document.addEventListener("pointermove", onPointerMove, { capture: true, passive: true });
  document.addEventListener("click", onClick, true);
  document.addEventListener("keydown", onKeyDown, true);
  return () => {
    document.removeEventListener("pointermove", onPointerMove, true);
    document.removeEventListener("click", onClick, true);
    document.removeEventListener("keydown", onKeyDown, true);
    if (frame) cancelAnimationFrame(frame);
    cancelClose();
    card.close();
  };
}

/** Announces each new critical finding once to screen readers. */
export class CriticalAnnouncer {
  private readonly region: HTMLElement;
  private readonly host: HTMLElement;
  private readonly announced = new WeakMap<LiveSession, Set<string>>();

  constructor() {
    const { host, root } = createHost("live", ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;}");
    forceStyle(host, { width: "1px", height: "1px", overflow: "hidden", left: "-9999px", top: "0" });
    this.host = host;
    this.region = el("div", "sr");
    this.region.setAttribute("role", "status");
    this.region.setAttribute("aria-live", "assertive");
    root.append(this.region);
  }

  update(session: LiveSession): void {
    if (!this.host.isConnected) document.body.append(this.host);
    let seen = this.announced.get(session);
    if (!seen) this.announced.set(session, (seen = new Set()));
    const fresh = session.findings().filter((f) => f.severity === "critical" && !seen!.has(`${f.rule}\u0000${f.text}`));
    if (!fresh.length) return;
    for (const f of fresh) seen.add(`${f.rule}\u0000${f.text}`);
    const first = fresh[0];
    this.region.textContent = `SafePost: ${categoryLabel(first.category)}. ${first.message}${fresh.length > 1 ? ` And ${fresh.length - 1} more.` : ""} Press Alt+Shift+S to review.`;
  }

  remove(): void {
    this.host.remove();
  }
}
