// Paints findings as underlines without touching the editor's DOM: with the CSS Custom
// Highlight API (one highlight per severity), or, where that API is missing, with boxes in an
// overlay beside the editor (a shadow-root host outside it, pointer-events: none).
import type { Severity } from "../shared/types";
import { SEVERITIES } from "../shared/types";
import { forceStyle, SHADOW_MODE, tagHost } from "./page-hooks";

export interface PaintedRange {
  range: Range;
  severity: Severity;
}

export interface Highlighter {
  readonly mode: "highlight-api" | "overlay";
  /** Replaces everything painted for `editor`. */
  paint(editor: HTMLElement, ranges: PaintedRange[]): void;
  clear(editor: HTMLElement): void;
  clearAll(): void;
  /** Overlay only: move boxes after scrolling, resizing or layout changes. */
  reposition(): void;
}

export const highlightName = (s: Severity) => `safepost-${s}`;

const COLORS: Record<Severity, { light: string; dark: string; style: string }> = {
  critical: { light: "#d93025", dark: "#ff7b72", style: "wavy" },
  high: { light: "#d93025", dark: "#ff7b72", style: "wavy" },
  medium: { light: "#c77700", dark: "#f2b84b", style: "wavy" },
  low: { light: "#1a73e8", dark: "#79b8ff", style: "dotted" },
};

function highlightCss(): string {
  const rules = (scheme: "light" | "dark") =>
    SEVERITIES.map((s) => {
      const c = COLORS[s];
      const bg = s === "critical" ? `background-color: ${scheme === "light" ? "rgba(217,48,37,0.10)" : "rgba(255,123,114,0.16)"};` : "";
      return `::highlight(${highlightName(s)}) { text-decoration: underline ${c.style} ${c[scheme]}; text-decoration-thickness: 1.5px; text-decoration-skip-ink: none; ${bg} }`;
    }).join("\n");
  return `${rules("light")}\n@media (prefers-color-scheme: dark) {\n${rules("dark")}\n}`;
}

/** The document-level ::highlight() rules, added once per page. */
let highlightStyleAdded = false;

/**
 * Adds the ::highlight() rules at document level, where they also paint inside open shadow
 * roots (LinkedIn's Quill): as a constructed sheet adopted by the document (no element, no
 * attribute for the page to find), else as an unmarked <style> in <head>. Either way the rules
 * name only the highlights, which the page can list from CSS.highlights anyway.
 */
function addHighlightStyle(): void {
  if (highlightStyleAdded) return;
  highlightStyleAdded = true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Firefox content scripts may refuse a sheet built in the isolated world.
  }
  const style = document.createElement("style");
  style.textContent = highlightCss();
  (document.head ?? document.documentElement).append(style);
}

class HighlightApiPainter implements Highlighter {
  readonly mode = "highlight-api";
  private readonly highlights = new Map<Severity, Highlight>();
  private readonly painted = new Map<HTMLElement, PaintedRange[]>();

  constructor() {
    SEVERITIES.forEach((s, i) => {
      const h = new Highlight();
      h.priority = SEVERITIES.length - i; // critical paints over the others
      this.highlights.set(s, h);
      CSS.highlights.set(highlightName(s), h);
    });
    addHighlightStyle();
  }

  paint(editor: HTMLElement, ranges: PaintedRange[]): void {
    this.clear(editor);
    for (const r of ranges) this.highlights.get(r.severity)!.add(r.range);
    this.painted.set(editor, ranges);
  }

  clear(editor: HTMLElement): void {
    const old = this.painted.get(editor);
    if (!old) return;
    for (const r of old) this.highlights.get(r.severity)!.delete(r.range);
    this.painted.delete(editor);
  }

  clearAll(): void {
    for (const h of this.highlights.values()) h.clear();
    this.painted.clear();
  }

  reposition(): void {
    // The browser moves highlights with the text.
  }
}

class OverlayPainter implements Highlighter {
  readonly mode = "overlay";
  private readonly layers = new Map<HTMLElement, { host: HTMLElement; root: ShadowRoot; ranges: PaintedRange[] }>();

  paint(editor: HTMLElement, ranges: PaintedRange[]): void {
    let layer = this.layers.get(editor);
    if (!layer) {
      const host = document.createElement("div");
      tagHost(host, "data-safepost-overlay");
      forceStyle(host, { display: "block", position: "fixed", inset: "0", "pointer-events": "none", "z-index": "2147483646", contain: "strict" }, true);
      const root = host.attachShadow({ mode: SHADOW_MODE });
      layer = { host, root, ranges };
      this.layers.set(editor, layer);
    }
    layer.ranges = ranges;
    // Beside the editor: in the open modal <dialog> holding it (top layer), else in <body>.
    const parent = editor.closest("dialog[open]") ?? document.body;
    if (layer.host.parentNode !== parent) parent.append(layer.host);
    this.draw(layer);
  }

  private draw(layer: { root: ShadowRoot; ranges: PaintedRange[] }): void {
    const boxes: HTMLElement[] = [];
    for (const { range, severity } of layer.ranges) {
      const c = COLORS[severity];
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width === 0) continue;
        const box = document.createElement("div");
        box.className = `u ${severity}`;
        box.style.cssText = `position:fixed;left:${rect.left}px;top:${rect.bottom - 3}px;width:${rect.width}px;height:3px;border-bottom:2px ${c.style === "wavy" ? "solid" : "dotted"} ${c.light};`;
        boxes.push(box);
      }
    }
    layer.root.replaceChildren(...boxes);
  }

  clear(editor: HTMLElement): void {
    this.layers.get(editor)?.host.remove();
    this.layers.delete(editor);
  }

  clearAll(): void {
    for (const editor of Array.from(this.layers.keys())) this.clear(editor);
  }

  reposition(): void {
    for (const [editor, layer] of this.layers) {
      if (!editor.isConnected) this.clear(editor);
      else this.draw(layer);
    }
  }
}

/** The Highlight API where the browser has it (Chromium 105+, Firefox 140+), else the overlay. */
export function createHighlighter(forceOverlay = false): Highlighter {
  const hasApi = typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
  return hasApi && !forceOverlay ? new HighlightApiPainter() : new OverlayPainter();
}
