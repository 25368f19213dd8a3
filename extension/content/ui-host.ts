// Hosts for the extension's own UI (card, badges, live region): an element outside every
// editor, with an open shadow root so the page's styles cannot reach in.

/**
 * Where our UI for `editor` must live. Content outside an open modal <dialog> is inert, so UI
 * for an editor inside one goes into that dialog (beside the editor, never in it); otherwise
 * into <body>.
 */
export function uiParentFor(editor: HTMLElement | null): Element {
  const dialog = editor?.closest("dialog[open]");
  return dialog ?? document.body;
}

export function createHost(kind: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement("div");
  host.setAttribute(`data-safepost-${kind}`, "");
  // Reset anything the page might apply to a bare div.
  host.style.cssText = "all:initial;position:fixed;z-index:2147483647;";
  const root = host.attachShadow({ mode: "open" });
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
