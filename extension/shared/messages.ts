// Messages between the extension's parts (chrome.runtime / chrome.tabs messaging).
import type { CheckOptions, CoreConfig, Finding, Severity, SiteId } from "./types";

/** Content script -> service worker: run the core there (page CSP forbids WebAssembly). */
export interface CheckRequest {
  type: "safepost:check";
  config: CoreConfig;
  text: string;
  options: CheckOptions;
}
export type CheckResponse = { ok: true; findings: Finding[] } | { ok: false; error: string };

/**
 * Content script -> service worker: phraseHash(salt, phrase) when the page cannot run the core
 * ("Always ignore this phrase" on LinkedIn). Answered with PhraseHashResponse.
 */
export interface PhraseHashRequest {
  type: "safepost:phrase-hash";
  salt: string;
  phrase: string;
}
export type PhraseHashResponse = { ok: true; hash: string } | { ok: false; error: string };

/** Content script -> service worker: the tab's current findings, for the toolbar badge. */
export interface FindingsChanged {
  type: "safepost:findings-changed";
  highOrCritical: number;
}

/** Popup -> content script of the active tab. */
export interface SummaryRequest {
  type: "safepost:get-summary";
}
export interface PostSummary {
  site: SiteId;
  /** SafePost is switched on for this site and not paused. */
  active: boolean;
  /** One entry per editor that has text, in page order. */
  findings: Array<Pick<Finding, "rule" | "category" | "severity" | "message" | "text" | "start" | "end"> & { editorIndex: number }>;
  counts: Record<Severity, number>;
}

/** Popup -> content script: scroll to and select a finding's phrase in the page. */
export interface FocusFindingRequest {
  type: "safepost:focus-finding";
  editorIndex: number;
  start: number;
  end: number;
}

export type ContentRequest = SummaryRequest | FocusFindingRequest;
export type BackgroundRequest = CheckRequest | PhraseHashRequest | FindingsChanged;
