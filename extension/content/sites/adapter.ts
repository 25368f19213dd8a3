// The contract every site adapter fulfils. One file per editor under sites/; the rest of the
// content script only talks to editors through this interface. Adapters never write into an
// editor's DOM except through `replaceRange`, which uses the editor's own input path.
import type { SiteId } from "../../shared/types";

/** The post's text as read from the DOM, and a way back from offsets to DOM positions. */
export interface TextSnapshot {
  /** Blocks joined with "\n"; offsets are UTF-16 indices into this string. */
  text: string;
  /** A live Range covering [start, end) of `text`, or null if the DOM changed under it. */
  rangeFor(start: number, end: number): Range | null;
  /** The text offset of a DOM position inside the editor (e.g. the caret), or null. */
  offsetAt?(node: Node, offset: number): number | null;
}

export interface SiteAdapter {
  /** Which per-site switch governs this adapter. */
  site: SiteId;
  /** The editor flavour, e.g. "x-draft", "facebook-lexical", "linkedin-quill", "linkedin-tiptap". */
  name: string;
  /**
   * Elements whose open shadow roots can hold this adapter's editors (LinkedIn's
   * #interop-outlet). The content script observes those roots as well as the document.
   */
  shadowHostSelector?: string;
  /** Whether this adapter applies to the page at `url`. */
  matchesUrl(url: URL): boolean;
  /** Editor root elements currently inside `scope` (a document or an open shadow root). */
  findEditors(scope: Document | ShadowRoot): HTMLElement[];
  /** Reads the editor's text block by block with an offset map. */
  readText(editor: HTMLElement): TextSnapshot;
  /** The editors that are published together with `editor` (an X thread), in order. */
  publishGroup(editor: HTMLElement): HTMLElement[];
  /** The enabled Post/Reply buttons that publish `editor`. */
  findPostButtons(editor: HTMLElement): HTMLElement[];
  /** True when `event` (keydown inside `editor`) is the site's publish shortcut. */
  isPostShortcut(event: KeyboardEvent, editor: HTMLElement): boolean;
  /** Replaces [start, end) with `replacement` through the editor's input path; true on success. */
  replaceRange(editor: HTMLElement, start: number, end: number, replacement: string): boolean;
  /** An image or video is attached to the post being written in `editor`. */
  hasMediaAttached(editor: HTMLElement): boolean;
}
