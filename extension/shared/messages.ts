// Messages between the extension's parts (chrome.runtime / chrome.tabs messaging).
import type { CheckOptions, CoreConfig, Finding, Severity, SiteId } from "./types";

/** Content script -> service worker: run the core there (page CSP forbids WebAssembly). */
export interface CheckRequest {
  type: "safepost:check";
  config: CoreConfig;
  /** Used instead of `config` when the core rejects it (the last config it accepted). */
  fallback: CoreConfig;
  text: string;
  options: CheckOptions;
}
/** `configProblem`: `config` was rejected (why, never quoting it) and `fallback` was used. */
export type CheckResponse = { ok: true; findings: Finding[]; configProblem?: string } | { ok: false; error: string };

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
  /** The settings the core rejected, and why (it checks with the last good ones meanwhile). */
  configProblem: string | null;
  /** Some post was longer than SafePost checks: only its start was checked. */
  partial: boolean;
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
