// Service worker (Chrome) / background script (Firefox): runs the WebAssembly core for pages
// whose CSP forbids it in the content script, keeps the toolbar badge, opens the welcome page
// on install. Holds no state that matters across restarts: everything is rebuilt on demand.
import { Checker, initCore, phraseHash } from "../shared/core";
import type { BackgroundRequest, CheckRequest, CheckResponse, PhraseHashResponse } from "../shared/messages";
import { checkedPart } from "../shared/limits";
import type { CoreConfig, Finding } from "../shared/types";

let coreReady: Promise<void> | null = null;

/** Loads the core once per worker lifetime; a failed load is retried on the next request. */
function ensureCore(): Promise<void> {
  coreReady ??= (async () => {
    const response = await fetch(chrome.runtime.getURL("wasm/safepost_bg.wasm"));
    const module = await WebAssembly.compile(await response.arrayBuffer());
    await initCore({ module_or_path: module });
  })().catch((error) => {
    coreReady = null;
    throw error;
  });
  return coreReady;
}

// Checker instances per config (JSON); a handful suffices (one per open site tab, usually).
const MAX_CHECKERS = 4;
const checkers = new Map<string, Checker>();

/**
 * Runs the core's lazy compilation for `checker` in short slices between messages (a worker has
 * no requestIdleCallback), so the first check after start-up does not pay for all of it.
 */
function warmUp(checker: Checker): void {
  let step = 0;
  const slice = () => {
    if (![...checkers.values()].includes(checker)) return; // evicted and freed
    const start = performance.now();
    try {
      while (performance.now() - start < 8) if (!checker.warmUpStep(step++)) return;
    } catch {
      return;
    }
    setTimeout(slice, 0);
  };
  setTimeout(slice, 0);
}

/** The checker for `config`; throws (the core's message) when the core rejects it. */
function checkerFor(config: CoreConfig): Checker {
  const key = JSON.stringify(config);
  let checker = checkers.get(key);
  const created = !checker;
  if (checker) {
    checkers.delete(key); // re-insert: most recently used last
  } else {
    checker = new Checker(config);
    if (checkers.size >= MAX_CHECKERS) {
      const [oldKey, oldChecker] = checkers.entries().next().value as [string, Checker];
      checkers.delete(oldKey);
      oldChecker.free();
    }
  }
  checkers.set(key, checker);
  if (created && typeof checker.warmUpStep === "function") warmUp(checker);
  return checker;
}

/**
 * Fail closed: a config the core rejects is never "no checker, so no findings". The check runs
 * with the sender's last good config (or the defaults) and the answer says why `config` was not
 * used, in the core's words (which never quote a setting).
 */
function check(message: CheckRequest): CheckResponse {
  let checker: Checker;
  let configProblem: string | undefined;
  try {
    checker = checkerFor(message.config);
  } catch (error) {
    configProblem = errorText(error);
    try {
      checker = checkerFor(message.fallback);
    } catch {
      checker = checkerFor({ profession: "other", minSeverity: "low" });
    }
  }
  const findings = checker.check(checkedPart(String(message.text)), message.options ?? {}) as Finding[];
  return configProblem === undefined ? { ok: true, findings } : { ok: true, findings, configProblem };
}

// The message only: a core error never quotes settings or text, and nothing else is passed on.
const errorText = (e: unknown) => (e instanceof Error ? e.message : "unknown error");

chrome.runtime.onMessage.addListener((message: BackgroundRequest, sender, sendResponse) => {
  // Only our own content scripts talk to us.
  if (sender.id !== chrome.runtime.id || typeof message !== "object" || message === null) return false;
  switch (message.type) {
    case "safepost:check":
      ensureCore()
        .then(() => sendResponse(check(message)))
        .catch((e) => sendResponse({ ok: false, error: errorText(e) } satisfies CheckResponse));
      return true; // answered asynchronously
    case "safepost:phrase-hash":
      ensureCore()
        .then(() => sendResponse({ ok: true, hash: phraseHash(message.salt, message.phrase) } satisfies PhraseHashResponse))
        .catch((e) => sendResponse({ ok: false, error: errorText(e) } satisfies PhraseHashResponse));
      return true;
    case "safepost:findings-changed": {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return false;
      const n = Math.max(0, Math.floor(Number(message.highOrCritical) || 0));
      void chrome.action.setBadgeText({ tabId, text: n ? String(n) : "" });
      void chrome.action.setBadgeBackgroundColor({ tabId, color: "#d93025" });
      return false;
    }
    default:
      return false;
  }
});

chrome.runtime.onInstalled.addListener((details) => {
  if (details.reason === "install") void chrome.tabs.create({ url: chrome.runtime.getURL("welcome.html") });
});
