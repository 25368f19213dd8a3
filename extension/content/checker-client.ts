// Runs the WebAssembly core for the content script: in the page's content script when the
// page's CSP lets WebAssembly compile (X, Facebook), otherwise in the service worker by message
// (LinkedIn in Chromium). Decided once per page; callers only see `check` and `phraseHash`.
//
// Fail closed (DESIGN.md): there is always a checker. A config the core rejects falls back to
// the last config it accepted, or to the defaults, and the problem is reported (popup, options
// page); a check that cannot run throws, so the session knows it has no answer for that text,
// never "no findings".
import { Checker, initCore, phraseHash as corePhraseHash } from "../shared/core";
import type { CheckRequest, CheckResponse, PhraseHashRequest, PhraseHashResponse } from "../shared/messages";
import { MAX_CHECK_CHARS, checkedPart } from "../shared/limits";
import type { CheckOptions, CoreConfig, Finding } from "../shared/types";
import { exposeOnPage } from "./page-hooks";
import { mark, span } from "./trace";

export { MAX_CHECK_CHARS };

export type CheckerPath = "page" | "worker";

export interface CheckerClient {
  readonly path: CheckerPath;
  /**
   * Replaces the config; the next check uses it. A config the core rejects is not used: the
   * last good one (or the defaults) stays, and `onConfigProblem` hears why (at once on the page
   * path, with the next check's answer on the worker path). A good config reports null.
   */
  setConfig(config: CoreConfig): void;
  onConfigProblem: (problem: string | null) => void;
  /**
   * Page path: synchronous result. Worker path: a promise. Only the first MAX_CHECK_CHARS
   * characters are checked. Throws (or rejects) when no check could run.
   */
  check(text: string, options: CheckOptions): Finding[] | Promise<Finding[]>;
  phraseHash(salt: string, phrase: string): Promise<string>;
}

const WASM_PATH = "wasm/safepost_bg.wasm";
/** The smallest valid WebAssembly module: magic number and version. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** The core's defaults: what a rejected config falls back to when nothing was accepted yet. */
export const DEFAULT_CORE_CONFIG: CoreConfig = { profession: "other", minSeverity: "low" };

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

/** Warm-up: at most this long per idle slice (the core compiles a pattern or a list per step). */
const WARM_UP_SLICE_MS = 8;

const message = (e: unknown) => (e instanceof Error ? e.message : "unknown error");

/**
 * Runs the core's lazy compilation (regexes, word-list automata) in idle slices right after
 * start-up, so no keystroke pays for it in one long task. Stops when the core says it is done,
 * or when `current()` changes (a new config brings a new checker, warmed from the start).
 */
function warmUp(current: () => Checker | null): void {
  const checker = current();
  if (!checker || typeof checker.warmUpStep !== "function") return;
  let step = 0;
  const idle: (cb: (d: { timeRemaining(): number }) => void) => void =
    typeof requestIdleCallback === "function"
      ? (cb) => requestIdleCallback(cb, { timeout: 200 })
      : (cb) => setTimeout(() => cb({ timeRemaining: () => WARM_UP_SLICE_MS }), 0);
  const slice = (deadline: { timeRemaining(): number }) => {
    if (current() !== checker) return;
    const start = performance.now();
    const budget = Math.min(WARM_UP_SLICE_MS, Math.max(1, deadline.timeRemaining()));
    try {
      do {
        if (!span("warm-up", () => checker.warmUpStep(step++))) {
          mark("warm");
          return;
        }
      } while (performance.now() - start < budget);
    } catch {
      return; // a freed checker: the next one warms itself
    }
    idle(slice);
  };
  idle(slice);
}

class PageChecker implements CheckerClient {
  readonly path = "page";
  private checker: Checker | null = null;
  private readonly large = new WorkerChecker();
  /** Measured milliseconds per UTF-16 unit of a page check (moving average); a cautious start. */
  private msPerUnit = 0.002;
  onConfigProblem: (problem: string | null) => void = () => {};

  constructor() {
    this.large.onConfigProblem = (p) => this.onConfigProblem(p);
  }

  setConfig(config: CoreConfig): void {
    let next: Checker;
    let problem: string | null = null;
    try {
      next = new Checker(config);
      this.large.setConfig(config);
    } catch (error) {
      problem = message(error);
      if (this.checker) {
        this.onConfigProblem(problem);
        return; // keep the last good checker
      }
      next = new Checker(DEFAULT_CORE_CONFIG);
      this.large.setConfig(DEFAULT_CORE_CONFIG);
    }
    this.checker?.free();
    this.checker = next;
    warmUp(() => this.checker);
    this.onConfigProblem(problem);
  }

  check(text: string, options: CheckOptions): Finding[] | Promise<Finding[]> {
    const part = checkedPart(text);
    const n = part.length;
    if (n > PAGE_CHECK_LIMIT || (n > PAGE_CHECK_ALWAYS && n * this.msPerUnit > PAGE_CHECK_BUDGET_MS)) {
      return this.large.check(part, options);
    }
    if (!this.checker) throw new Error("SafePost: the checker is not ready");
    const start = performance.now();
    const raw = this.checker.check(part, options);
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
  private config: CoreConfig = DEFAULT_CORE_CONFIG;
  /** The last config the worker's core accepted; sent as the fallback for a rejected one. */
  private lastGood: CoreConfig = DEFAULT_CORE_CONFIG;
  onConfigProblem: (problem: string | null) => void = () => {};

  setConfig(config: CoreConfig): void {
    this.config = config;
  }

  async check(text: string, options: CheckOptions): Promise<Finding[]> {
    const config = this.config;
    const request: CheckRequest = { type: "safepost:check", config, fallback: this.lastGood, text: checkedPart(text), options };
    const response = (await chrome.runtime.sendMessage(request)) as CheckResponse | undefined;
    if (!response) throw new Error("SafePost: no answer from the background checker");
    if (!response.ok) throw new Error(response.error);
    if (config === this.config) {
      if (response.configProblem) {
        this.onConfigProblem(response.configProblem);
      } else {
        this.lastGood = config;
        this.onConfigProblem(null);
      }
    }
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
  if (!Array.isArray(raw)) throw new Error("SafePost: the checker gave no findings list");
  return raw as Finding[];
}

/**
 * Compiles the core here if the page allows it; otherwise falls back to the service worker.
 * Test build: the choice is exposed as <html data-safepost-checker="page|worker">.
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
    console.info("SafePost: WebAssembly is not available in this page; checking in the background.", message(error));
    client = new WorkerChecker();
  }
  exposeOnPage("checker", client.path);
  return client;
}
