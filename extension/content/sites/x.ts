// X (x.com, twitter.com): Draft.js editors. The editable element carries
// data-testid="tweetTextarea_N" (N = position in a thread); one button posts the whole thread.
import type { SiteAdapter } from "./adapter";
import { hasMediaIn, readBlocks, replaceViaInsertText } from "./dom-text";

const EDITOR_SELECTOR = '[data-testid^="tweetTextarea_"][contenteditable="true"]';
// tweetTextarea_0_label and tweetTextarea_0RichTextInputContainer are not editors.
const EDITOR_TESTID = /^tweetTextarea_\d+$/;
const POST_BUTTON_SELECTOR = 'button[data-testid="tweetButton"], button[data-testid="tweetButtonInline"]';

function isEditor(el: Element): el is HTMLElement {
  return el instanceof HTMLElement && EDITOR_TESTID.test(el.dataset.testid ?? "");
}

/** The smallest ancestor holding both the editor and a Post button: the composer. */
function composerOf(editor: HTMLElement): Element | null {
  for (let el = editor.parentElement; el; el = el.parentElement) {
    if (el.querySelector(POST_BUTTON_SELECTOR)) return el;
    if (el.getAttribute("role") === "dialog") return el;
  }
  return null;
}

export const xAdapter: SiteAdapter = {
  site: "x",
  name: "x-draft",
  matchesUrl: (url) => url.hostname === "x.com" || url.hostname === "twitter.com",
  findEditors: (scope) => Array.from(scope.querySelectorAll(EDITOR_SELECTOR)).filter(isEditor),
  readText: (editor) => readBlocks(editor),
  publishGroup(editor) {
    const composer = composerOf(editor);
    if (!composer) return [editor];
    return Array.from(composer.querySelectorAll(EDITOR_SELECTOR)).filter(isEditor);
  },
  findPostButtons(editor) {
    const composer = composerOf(editor);
    if (!composer) return [];
    return Array.from(composer.querySelectorAll<HTMLElement>(POST_BUTTON_SELECTOR)).filter(
      (b) => b.getAttribute("aria-disabled") !== "true" && !(b as HTMLButtonElement).disabled,
    );
  },
  isPostShortcut: (event) => event.key === "Enter" && (event.ctrlKey || event.metaKey),
  replaceRange(editor, start, end, replacement) {
    return replaceViaInsertText(editor, readBlocks(editor), start, end, replacement);
  },
  hasMediaAttached(editor) {
    // X lists attached photos, GIFs and videos under data-testid="attachments".
    return hasMediaIn(composerOf(editor), '[data-testid="attachments"] img, [data-testid="attachments"] video');
  },
};
