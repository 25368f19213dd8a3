// LinkedIn's new composer and comment boxes: TipTap (ProseMirror), in the page, in a native
// <dialog>, or at /sharing/compose. The Post button has no stable attribute: it is the last
// text-only <button> of the dialog.
import type { SiteAdapter } from "./adapter";
import { hasMediaIn, readBlocks, replaceViaInsertText } from "./dom-text";

const EDITOR_SELECTOR = [
  '.tiptap.ProseMirror[contenteditable="true"][role="textbox"]',
  '[componentkey="ShareBox_textEditor"][contenteditable="true"]',
  '[role="textbox"][contenteditable="true"][aria-label^="Text editor for creating"]',
].join(", ");

function composerOf(editor: HTMLElement): Element | null {
  return editor.closest("dialog, [role=\"dialog\"]") ?? editor.closest("form") ?? editor.parentElement?.parentElement ?? null;
}

function isTextOnlyButton(b: HTMLButtonElement): boolean {
  return !!b.textContent?.trim() && !b.querySelector("svg, img") && !b.disabled && b.getAttribute("aria-disabled") !== "true";
}

export const linkedinNewAdapter: SiteAdapter = {
  site: "linkedin",
  name: "linkedin-tiptap",
  matchesUrl: (url) => url.hostname === "www.linkedin.com",
  // Quill's .ql-editor belongs to the classic adapter.
  findEditors: (scope) =>
    Array.from(scope.querySelectorAll<HTMLElement>(EDITOR_SELECTOR)).filter((el) => !el.classList.contains("ql-editor")),
  readText: (editor) => readBlocks(editor),
  publishGroup: (editor) => [editor],
  findPostButtons(editor) {
    const composer = composerOf(editor);
    if (!composer) return [];
    const buttons = Array.from(composer.querySelectorAll("button")).filter(isTextOnlyButton);
    return buttons.length ? [buttons[buttons.length - 1]] : [];
  },
  isPostShortcut: () => false,
  replaceRange(editor, start, end, replacement) {
    return replaceViaInsertText(editor, readBlocks(editor), start, end, replacement);
  },
  hasMediaAttached(editor) {
    return hasMediaIn(composerOf(editor), 'img[src^="blob:"], video, .share-compose__media img');
  },
};
