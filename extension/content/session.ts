// What the content script knows about each live editor, shared by the highlighter, the card,
// the badge, the pre-publish guard and the popup's summary.
import type { Settings } from "../shared/settings";
import type { Finding } from "../shared/types";
import type { SiteAdapter } from "./sites/adapter";

export interface EditorSession {
  readonly editor: HTMLElement;
  readonly adapter: SiteAdapter;
  /** Findings for the editor's current text, after ignore and settings filters. */
  findings(): Finding[];
  /** Checks the current text now (no frame coalescing) and resolves with its findings. */
  checkNow(): Promise<Finding[]>;
  /** Scrolls to, focuses and selects [start, end) of the editor's text. */
  reveal(start: number, end: number): void;
}

export interface SessionRegistry {
  /** Live sessions in document order; disconnected editors are never returned. */
  all(): EditorSession[];
  forEditor(editor: HTMLElement): EditorSession | undefined;
  /** SafePost is on for this site and not paused. */
  active(): boolean;
  settings(): Settings;
}
