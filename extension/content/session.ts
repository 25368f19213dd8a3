// What the content script knows about each live editor, shared by the highlighter, the card,
// the badge, the pre-publish guard and the popup's summary.
import type { Settings } from "../shared/settings";
import type { Finding } from "../shared/types";
import type { SiteAdapter } from "./sites/adapter";

/**
 * What is known about the editor's current text, for the guard: findings of a check of exactly
 * this text ("fresh"), no such check yet ("stale"), or a check of this text that failed.
 * `partial`: the text was longer than the checker accepts, and only its start was checked.
 */
export type Verdict =
  | { kind: "fresh"; findings: Finding[]; partial: boolean }
  | { kind: "stale" }
  | { kind: "failed" };

export interface EditorSession {
  readonly editor: HTMLElement;
  readonly adapter: SiteAdapter;
  /** Findings for the editor's current text, after ignore and settings filters. */
  findings(): Finding[];
  /** Checks the current text now (no frame coalescing) and resolves with its findings. */
  checkNow(): Promise<Finding[]>;
  /** Reads the editor's text now and says whether the findings are for exactly that text. */
  verdict(): Verdict;
  /** The text was longer than the checker accepts: the findings cover only its start. */
  partial(): boolean;
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
