// Runs the WebAssembly core for the content script: in the page's content script when the
// page's CSP lets WebAssembly compile (X, Facebook), otherwise in the service worker by message
// (LinkedIn in Chromium). Decided once per page; callers only see `check` and `phraseHash`.
import { Checker, initCore, phraseHash as corePhraseHash } from "../shared/core";
import type { CheckRequest, CheckResponse, PhraseHashRequest, PhraseHashResponse } from "../shared/messages";
import type { CheckOptions, CoreConfig, Finding } from "../shared/types";

export type CheckerPath = "page" | "worker";

export interface CheckerClient {
  readonly path: CheckerPath;
  /** Replaces the config; the next check uses it. Throws if the core rejects it (page path). */
  setConfig(config: CoreConfig): void;
  /** Page path: synchronous result. Worker path: a promise. */
  check(text: string, options: CheckOptions): Finding[] | Promise<Finding[]>;
  phraseHash(salt: string, phrase: string): Promise<string>;
}

const WASM_PATH = "wasm/safepost_bg.wasm";

/**
 * Longest text checked synchronously in the page: more than any of the sites accepts
 * (Facebook: 63,206 characters). A longer text (a 1 MB paste) would block the page for
 * seconds in one task, so it goes to the service worker instead, off the page's main thread.
 */
export const PAGE_CHECK_LIMIT = 65_536;

class PageChecker implements CheckerClient {
  readonly path = "page";
  private checker: Checker | null = null;
  private readonly large = new WorkerChecker();

  setConfig(config: CoreConfig): void {
    const next = new Checker(config);
    this.checker?.free();
    this.checker = next;
    this.large.setConfig(config);
  }

  check(text: string, options: CheckOptions): Finding[] | Promise<Finding[]> {
    if (text.length > PAGE_CHECK_LIMIT) return this.large.check(text, options);
    if (!this.checker) return [];
    return normaliseFindings(this.checker.check(text, options));
  }

  async phraseHash(salt: string, phrase: string): Promise<string> {
    return corePhraseHash(salt, phrase);
  }
}

class WorkerChecker implements CheckerClient {
  readonly path = "worker";
  private config: CoreConfig | null = null;

  setConfig(config: CoreConfig): void {
    this.config = config;
  }

  async check(text: string, options: CheckOptions): Promise<Finding[]> {
    if (!this.config) return [];
    const request: CheckRequest = { type: "safepost:check", config: this.config, text, options };
    const response = (await chrome.runtime.sendMessage(request)) as CheckResponse | undefined;
    if (!response) throw new Error("SafePost: no answer from the background checker");
    if (!response.ok) throw new Error(response.error);
    return normaliseFindings(response.findings);
  }

  async phraseHash(salt: string, phrase: string): Promise<string> {
    const request: PhraseHashRequest = { type: "safepost:phrase-hash", salt, phrase };
    const response = (await chrome.runtime.sendMessage(request)) as PhraseHashResponse | undefined;
    if (!response?.ok) throw new Error(response ? response.error : "SafePost: no answer from the background");
    return response.hash;
  }
}

/** serde may hand back Maps for objects; the rest of the extension wants plain objects. */
function normaliseFindings(raw: unknown): Finding[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((f) => toPlain(f) as Finding);
}
function toPlain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries(Array.from(value, ([k, v]) => [k, toPlain(v)]));
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

/**
 * Compiles the core here if the page allows it; otherwise falls back to the service worker.
 * The choice is exposed as <html data-safepost-checker="page|worker"> for tests.
 */
export async function createCheckerClient(): Promise<CheckerClient> {
  let client: CheckerClient;
  try {
    const response = await fetch(chrome.runtime.getURL(WASM_PATH));
    if (!response.ok) throw new Error(`fetch ${WASM_PATH}: ${response.status}`);
    // Compiling is what the page's CSP forbids; a CompileError here means "use the worker".
    const module = await WebAssembly.compile(await response.arrayBuffer());
    await initCore({ module_or_path: module });
    client = new PageChecker();
  } catch (error) {
    console.info("SafePost: WebAssembly is not available in this page; checking in the background.", String(error));
    client = new WorkerChecker();
  }
  document.documentElement.dataset.safepostChecker = client.path;
  return client;
}
