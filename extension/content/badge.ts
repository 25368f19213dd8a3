// A small round button beside each compose box (outside the editor, near its bottom-right
// corner): the number of findings, coloured by the worst severity. Clicking it lists them.
import { SEVERITIES } from "../shared/types";
import { countBySeverity, SEVERITY_COLORS } from "./labels";
import type { LiveSession } from "./registry";
import type { SuggestionCard } from "./card";
import { forceStyle } from "./page-hooks";
import { createHost, el, uiParentFor } from "./ui-host";

const BADGE_CSS = `
:host { all: initial; }
button { box-sizing: border-box; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px; border: 2px solid #fff;
  font: 600 12px/18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff; cursor: pointer;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { button { border-color: #161b22; } }
`;

interface BadgeView {
  host: HTMLElement;
  button: HTMLButtonElement;
  /** What the button shows now (count, colour, label): the DOM is only written when it changes. */
  shown: string;
}

export class Badges {
  private readonly views = new Map<LiveSession, BadgeView>();
  private resizeObserver = new ResizeObserver(() => this.repositionAll());
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly card: SuggestionCard) {}

  update(session: LiveSession): void {
    const findings = session.findings();
    let view = this.views.get(session);
    if (!findings.length) {
      if (view) this.remove(session);
      return;
    }
    if (!view) {
      const { host, root } = createHost("badge", BADGE_CSS);
      const button = el("button");
      button.type = "button";
      button.addEventListener("click", (e) => {
        if (!e.isTrusted) return; // only the user, never a page script, works SafePost's UI
        e.stopPropagation();
        this.card.openList(session, host.getBoundingClientRect());
      });
      // Keep the caret in the editor when the badge is pressed with the mouse.
      button.addEventListener("mousedown", (e) => {
        if (e.isTrusted) e.preventDefault();
      });
      root.append(button);
      view = { host, button, shown: "" };
      this.views.set(session, view);
      this.resizeObserver.observe(session.editor);
      this.ensureTimer();
    }
    const counts = countBySeverity(findings);
    const worst = SEVERITIES.find((s) => counts[s] > 0)!;
    const label = `SafePost: ${findings.length} to review (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ${counts.low} low)`;
    if (view.shown !== `${worst}|${label}`) {
      view.shown = `${worst}|${label}`;
      view.button.textContent = String(findings.length);
      view.button.style.background = SEVERITY_COLORS[worst];
      view.button.dataset.severity = worst;
      view.button.setAttribute("aria-label", label);
    }
    const parent = uiParentFor(session.editor);
    // Placed in the next frame when it is (re)inserted; after that the editor's size changes
    // (ResizeObserver), scrolling, resizing and the timer move it. Measuring the editor here,
    // on every keystroke (or right after a paste), would force a layout of the whole editor in
    // the middle of the editor's own update; in a frame callback it is the frame's own layout.
    if (view.host.parentNode !== parent) {
      forceStyle(view.host, { display: "none" });
      parent.append(view.host);
      const placed = view;
      requestAnimationFrame(() => {
        if (this.views.get(session) === placed) this.position(session, placed);
      });
    }
  }

  remove(session: LiveSession): void {
    const view = this.views.get(session);
    if (!view) return;
    view.host.remove();
    this.resizeObserver.unobserve(session.editor);
    this.views.delete(session);
    if (!this.views.size && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  removeAll(): void {
    for (const s of Array.from(this.views.keys())) this.remove(s);
  }

  repositionAll(): void {
    for (const [session, view] of this.views) {
      if (!session.editor.isConnected) this.remove(session);
      else this.position(session, view);
    }
  }

  /** Dialogs can move without scroll or resize events (animations): re-check now and then. */
  private ensureTimer(): void {
    if (this.timer === undefined) this.timer = setInterval(() => this.repositionAll(), 400);
  }

  private position(session: LiveSession, view: BadgeView): void {
    const r = session.editor.getBoundingClientRect();
    const visible = r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    forceStyle(view.host, { display: visible ? "block" : "none" });
    if (!visible) return;
    const size = 22;
    forceStyle(view.host, {
      left: `${Math.min(innerWidth - size - 4, r.right - size - 4)}px`,
      top: `${Math.min(innerHeight - size - 4, r.bottom - size / 2)}px`,
    });
  }
}
