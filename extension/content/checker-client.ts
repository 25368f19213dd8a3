// Runs the WebAssembly core for the content script: in the page's content script when the
// page's CSP lets WebAssembly compile (X, Facebook), otherwise in the service worker by message
// (LinkedIn in Chromium). Decided once per page; callers only see `check` and `phraseHash`.
import { Checker, initCore, phraseHash as corePhraseHash } from "../shared/core";
import type { CheckRequest, CheckResponse, PhraseHashRequest, PhraseHashResponse } from "../shared/messages";
import type { CheckOptions, CoreConfig, Finding } from "../shared/types";
import { mark } from "./trace";

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
/** The smallest valid WebAssembly module: magic number and version. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Longest text ever checked synchronously in the page. Checking costs time in proportion to
 * the text's length: a long text would block the page in one long task, so it goes to the
 * service worker instead, off the page's main thread (same core, same results; the answer
 * arrives a little later, and the session paints it only if the text is still the same).
 */
export const PAGE_CHECK_LIMIT = 65_536;
/** Texts up to this length are always checked in the page (X: 280, LinkedIn: 3,000 max). */
export const PAGE_CHECK_ALWAYS = 4_000;
/**
 * Between the two, a text is checked in the page only if the check is predicted to take at
 * most this long (from the measured cost per character of earlier checks in this page), so a
 * paste of a long post never makes SafePost hold the page for longer than a fraction of a frame.
 */
export const PAGE_CHECK_BUDGET_MS = 8;

class PageChecker implements CheckerClient {
  readonly path = "page";
  private checker: Checker | null = null;
  private readonly large = new WorkerChecker();
  /** Measured milliseconds per UTF-16 unit of a page check (moving average); a cautious start. */
  private msPerUnit = 0.002;

  setConfig(config: CoreConfig): void {
    const next = new Checker(config);
    this.checker?.free();
    this.checker = next;
    this.large.setConfig(config);
  }

  check(text: string, options: CheckOptions): Finding[] | Promise<Finding[]> {
    const n = text.length;
    if (n > PAGE_CHECK_LIMIT || (n > PAGE_CHECK_ALWAYS && n * this.msPerUnit > PAGE_CHECK_BUDGET_MS)) {
      return this.large.check(text, options);
    }
    if (!this.checker) return [];
    const start = performance.now();
    const raw = this.checker.check(text, options);
    // Learn the cost per character from checks long enough for the fixed cost not to dominate.
    if (n >= 1_000) this.msPerUnit = 0.75 * this.msPerUnit + 0.25 * ((performance.now() - start) / n);
    return normaliseFindings(raw);
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

/** The core returns an array of plain finding objects (src/wasm.rs builds them directly). */
function normaliseFindings(raw: unknown): Finding[] {
  return Array.isArray(raw) ? (raw as Finding[]) : [];
}

/**
 * Compiles the core here if the page allows it; otherwise falls back to the service worker.
 * The choice is exposed as <html data-safepost-checker="page|worker"> for tests.
 */
export async function createCheckerClient(): Promise<CheckerClient> {
  let client: CheckerClient;
  try {
    // Compiling is what the page's CSP forbids; a CompileError here means "use the worker".
    // Ask with the smallest valid module first (compiled synchronously: 8 bytes, no task hop),
    // so that a page that forbids it (LinkedIn) does not wait for the core to be read for nothing.
    new WebAssembly.Module(EMPTY_MODULE);
    mark("wasm-allowed");
    const response = await fetch(chrome.runtime.getURL(WASM_PATH));
    if (!response.ok) throw new Error(`fetch ${WASM_PATH}: ${response.status}`);
    const bytes = await response.arrayBuffer();
    mark("wasm-fetched");
    const module = await WebAssembly.compile(bytes);
    mark("wasm-compiled");
    await initCore({ module_or_path: module });
    mark("wasm-instantiated");
    client = new PageChecker();
  } catch (error) {
    console.info("SafePost: WebAssembly is not available in this page; checking in the background.", String(error));
    client = new WorkerChecker();
  }
  document.documentElement.dataset.safepostChecker = client.path;
  return client;
}
