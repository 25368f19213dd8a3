// LinkedIn's classic share box: Quill, inside the open shadow root of div#interop-outlet.
// document.querySelector cannot see it, so the content script observes that shadow root too,
// and the selection used for replacing comes from the shadow root.
import type { SiteAdapter } from "./adapter";
import { hasMediaIn, readBlocks, replaceViaInsertText } from "./dom-text";

const EDITOR_SELECTOR = '.ql-editor[contenteditable="true"][role="textbox"]';

function composerOf(editor: HTMLElement): Element | null {
  return (
    editor.closest('[role="dialog"]') ??
    editor.closest(".share-box, .share-creation-state") ??
    editor.parentElement
  );
}

export const linkedinClassicAdapter: SiteAdapter = {
  site: "linkedin",
  name: "linkedin-quill",
  shadowHostSelector: "#interop-outlet",
  matchesUrl: (url) => url.hostname === "www.linkedin.com",
  findEditors: (scope) => Array.from(scope.querySelectorAll<HTMLElement>(EDITOR_SELECTOR)),
  readText: (editor) => readBlocks(editor),
  publishGroup: (editor) => [editor],
  findPostButtons(editor) {
    const composer = composerOf(editor);
    if (!composer) return [];
    return Array.from(composer.querySelectorAll<HTMLButtonElement>("button.share-actions__primary-action")).filter(
      (b) => !b.disabled && b.getAttribute("aria-disabled") !== "true",
    );
  },
  isPostShortcut: () => false,
  replaceRange(editor, start, end, replacement) {
    return replaceViaInsertText(editor, readBlocks(editor), start, end, replacement);
  },
  hasMediaAttached(editor) {
    return hasMediaIn(composerOf(editor), 'img[src^="blob:"], video, .share-creation-state__additional-content img, .share-images img');
  },
};
