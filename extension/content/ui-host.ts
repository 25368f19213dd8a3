// Hosts for the extension's own UI (card, badges, live region): an element outside every
// editor, with a shadow root (closed in a release build: see page-hooks.ts) so the page's
// styles and scripts cannot reach in, and inline !important styles so page CSS cannot hide it.
import { forceStyle, SHADOW_MODE, tagHost } from "./page-hooks";

/**
 * Where our UI for `editor` must live. Content outside an open modal <dialog> is inert, so UI
 * for an editor inside one goes into that dialog (beside the editor, never in it); otherwise
 * into <body>.
 */
export function uiParentFor(editor: HTMLElement | null): Element {
  const dialog = editor?.closest("dialog[open]");
  return dialog ?? document.body;
}

/** Every host SafePost made, by kind: the page sees no attribute, so we know them by identity. */
const hosts = new WeakMap<Node, string>();

/** The kind of SafePost host `node` is ("card", "badge", ...), or undefined. */
export function hostKind(node: EventTarget | null): string | undefined {
  return node instanceof Node ? hosts.get(node) : undefined;
}

export function createHost(kind: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement("div");
  hosts.set(host, kind);
  tagHost(host, `data-safepost-${kind}`);
  // Reset anything the page might apply to a bare div, and make hiding it impossible.
  host.style.cssText = "all:initial;";
  forceStyle(host, { display: "block", position: "fixed", "z-index": "2147483647" }, true);
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const style = document.createElement("style");
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/** Creates an element with a class and text, without ever parsing HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export const supportsPopover = typeof HTMLElement !== "undefined" && "showPopover" in HTMLElement.prototype;
