// Facebook (www.facebook.com, web.facebook.com): Lexical editors, in the "Create post" dialog
// and in comment boxes. Class names are hashed and labels localised: match on attributes.
import type { SiteAdapter } from "./adapter";
import { hasMediaIn, readBlocks, replaceViaInsertText } from "./dom-text";

const EDITOR_SELECTOR = 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
// The Post button's aria-label in common locales; "Next" leads to Post when posting as a Page.
const POST_LABELS = new Set([
  "post", "publicar", "publier", "posten", "pubblica", "plaatsen", "opublikuj", "paylaş",
  "next", "siguiente", "suivant", "weiter", "avanti",
]);
const COMMENT_LABEL = /comment|reply|coment|kommentar|antwort|respon/i;

function isComment(editor: HTMLElement): boolean {
  return COMMENT_LABEL.test(editor.getAttribute("aria-label") ?? "");
}

function composerOf(editor: HTMLElement): Element | null {
  return editor.closest('[role="dialog"]') ?? editor.closest("form");
}

export const facebookAdapter: SiteAdapter = {
  site: "facebook",
  name: "facebook-lexical",
  matchesUrl: (url) => url.hostname === "www.facebook.com" || url.hostname === "web.facebook.com",
  findEditors: (scope) => Array.from(scope.querySelectorAll<HTMLElement>(EDITOR_SELECTOR)),
  readText: (editor) => readBlocks(editor),
  publishGroup: (editor) => [editor],
  findPostButtons(editor) {
    const composer = composerOf(editor);
    if (!composer) return [];
    return Array.from(composer.querySelectorAll<HTMLElement>('[role="button"][aria-label], button[aria-label]')).filter(
      (b) =>
        POST_LABELS.has((b.getAttribute("aria-label") ?? "").trim().toLowerCase()) &&
        b.getAttribute("aria-disabled") !== "true",
    );
  },
  // Enter sends a comment; in the Create post dialog it is a new line.
  isPostShortcut: (event, editor) =>
    event.key === "Enter" && !event.shiftKey && !event.isComposing && isComment(editor),
  replaceRange(editor, start, end, replacement) {
    return replaceViaInsertText(editor, readBlocks(editor), start, end, replacement);
  },
  hasMediaAttached(editor) {
    // Attached photos are previewed from blob: URLs with generated alt text ("May be an image of").
    return hasMediaIn(composerOf(editor), 'img[src^="blob:"], img[alt^="May be an image"], video');
  },
};
