// Service worker (Chrome) / background script (Firefox): runs the WebAssembly core for pages
// whose CSP forbids it in the content script, keeps the toolbar badge, opens the welcome page
// on install. Holds no state that matters across restarts: everything is rebuilt on demand.
import { Checker, initCore, phraseHash } from "../shared/core";
import type { BackgroundRequest, CheckResponse, PhraseHashResponse } from "../shared/messages";
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

function checkerFor(config: CoreConfig): Checker {
  const key = JSON.stringify(config);
  let checker = checkers.get(key);
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
  return checker;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

chrome.runtime.onMessage.addListener((message: BackgroundRequest, sender, sendResponse) => {
  // Only our own content scripts talk to us.
  if (sender.id !== chrome.runtime.id || typeof message !== "object" || message === null) return false;
  switch (message.type) {
    case "safepost:check":
      ensureCore()
        .then(() => {
          const findings = checkerFor(message.config).check(String(message.text), message.options ?? {}) as Finding[];
          sendResponse({ ok: true, findings } satisfies CheckResponse);
        })
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
