// Content script bootstrap: picks the site adapters for this page, starts the checker, and
// wires sessions to the highlighter, the card, the badges, the guard, the popup and the
// toolbar badge. Reacts to settings changes at once, without a reload.
import type { ContentRequest, FindingsChanged, PostSummary } from "../shared/messages";
import {
  IGNORED_KEY,
  SETTINGS_KEY,
  WORKPLACE_KEY,
  isSiteActive,
  loadIgnored,
  loadSettings,
  saveSettings,
} from "../shared/settings";
import type { IgnoredPhrases, Settings } from "../shared/settings";
import { CATEGORIES } from "../shared/types";
import type { CoreConfig, Finding, SiteId } from "../shared/types";
import { Badges } from "./badge";
import { CriticalAnnouncer, installCardTriggers, SuggestionCard } from "./card";
import { createCheckerClient } from "./checker-client";
import { installGuard } from "./guard";
import { createHighlighter } from "./highlighter";
import { exposeOnPage, pageSwitch } from "./page-hooks";
import { mark } from "./trace";
import { countBySeverity } from "./labels";
import { LiveRegistry } from "./registry";
import type { LiveSession } from "./registry";
import type { SiteAdapter } from "./sites/adapter";
import { facebookAdapter } from "./sites/facebook";
import { linkedinClassicAdapter } from "./sites/linkedin-classic";
import { linkedinNewAdapter } from "./sites/linkedin-new";
import { xAdapter } from "./sites/x";

const ALL_ADAPTERS: SiteAdapter[] = [xAdapter, facebookAdapter, linkedinClassicAdapter, linkedinNewAdapter];

function coreConfig(settings: Settings, ignored: IgnoredPhrases): CoreConfig {
  const enabled = CATEGORIES.filter((c) => !settings.disabledCategories.includes(c));
  return {
    profession: settings.profession,
    enabledCategories: enabled.length === CATEGORIES.length ? null : enabled,
    // Everything is underlined; guardThreshold only decides what stops at Post.
    minSeverity: "low",
    workplaceTerms: settings.workplaceTerms,
    ignoredHashes: ignored.hashes,
    ignoreSalt: ignored.salt,
    disabledRules: settings.disabledRules,
  };
}

async function main(): Promise<void> {
  const url = new URL(location.href);
  const adapters = ALL_ADAPTERS.filter((a) => a.matchesUrl(url));
  if (!adapters.length) return;
  const site: SiteId = adapters[0].site;

  mark("start");
  // The core's compilation and the settings' reads overlap: both are waits, not work.
  const clientReady = createCheckerClient();
  let [settings, ignored] = await Promise.all([loadSettings(), loadIgnored()]);
  const client = await clientReady;
  mark("core-ready");
  let configVersion = 0;
  // Settings the core rejected: it checks with the last good ones (or the defaults) meanwhile,
  // and the popup says so. The core's message names the setting, never its value.
  let configProblem: string | null = null;
  client.onConfigProblem = (problem) => {
    if (problem && problem !== configProblem) console.warn("SafePost: settings not used:", problem);
    configProblem = problem;
  };
  const applyConfig = () => {
    try {
      client.setConfig(coreConfig(settings, ignored));
    } catch (error) {
      // Not even the defaults could be set up: checks will fail, and the guard says so.
      configProblem = error instanceof Error ? error.message : "the checker could not start";
    }
    configVersion++;
  };
  applyConfig();

  // Test build only: <html data-safepost-force-overlay> makes Chromium use the overlay fallback
  // that browsers without the Highlight API get. It only changes how underlines are drawn.
  const painter = createHighlighter(pageSwitch("force-overlay"));
  const announcer = new CriticalAnnouncer();
  const actions = {
    apply(session: LiveSession, f: Finding) {
      if (f.suggestion === undefined) return;
      // Offsets must still point at the phrase; otherwise re-check instead of editing blindly.
      const now = session.adapter.readText(session.editor);
      if (now.text.slice(f.start, f.end) !== f.text) {
        session.schedule();
        return;
      }
      session.adapter.replaceRange(session.editor, f.start, f.end, f.suggestion);
      session.schedule();
    },
    ignoreOnce(session: LiveSession, f: Finding) {
      session.ignoreOnce(f);
    },
    async alwaysIgnore(_session: LiveSession, f: Finding) {
      // Only the salted hash is stored: the phrase itself may be a patient's name.
      const current = await loadIgnored();
      const hash = await client.phraseHash(current.salt, f.text);
      if (!current.hashes.includes(hash)) current.hashes.push(hash);
      await chrome.storage.local.set({ [IGNORED_KEY]: current });
    },
    async disableRule(_session: LiveSession, f: Finding) {
      const current = await loadSettings();
      if (!current.disabledRules.includes(f.rule)) current.disabledRules.push(f.rule);
      await saveSettings(current);
    },
  };
  const card = new SuggestionCard(actions);
  const badges = new Badges(card);

  let lastToolbarCount = -1;
  let toolbarFrame = 0;
  const reportToolbar = () => {
    if (toolbarFrame) return;
    toolbarFrame = requestAnimationFrame(() => {
      toolbarFrame = 0;
      const n = registry.active()
        ? registry.all().reduce((sum, s) => sum + s.findings().filter((f) => f.severity === "critical" || f.severity === "high").length, 0)
        : 0;
      if (n === lastToolbarCount) return;
      lastToolbarCount = n;
      const message: FindingsChanged = { type: "safepost:findings-changed", highOrCritical: n };
      chrome.runtime.sendMessage(message).catch(() => {});
    });
  };

  const registry: LiveRegistry = new LiveRegistry(
    adapters,
    {
      client,
      painter,
      configVersion: () => configVersion,
      onUpdate(session) {
        badges.update(session);
        card.refresh(session);
        announcer.update(session);
        reportToolbar();
      },
      onRemove(session) {
        badges.remove(session);
        if (card.current()?.session === session) card.close();
        reportToolbar();
      },
    },
    settings,
  );

  // Keep overlay boxes and badges on their boxes through scrolling and resizing.
  let layoutFrame = 0;
  const relayout = () => {
    if (layoutFrame) return;
    layoutFrame = requestAnimationFrame(() => {
      layoutFrame = 0;
      painter.reposition();
      badges.repositionAll();
    });
  };
  addEventListener("scroll", relayout, { capture: true, passive: true });
  addEventListener("resize", relayout, { passive: true });
  // Overlay boxes don't move with the text by themselves: also follow dialogs that move without
  // scroll or resize events (animations, drags). The Highlight API needs none of this.
  if (painter.mode === "overlay") setInterval(relayout, 250);

  let removeTriggers: (() => void) | null = null;
  let removeGuard: (() => void) | null = null;
  const setActive = (active: boolean) => {
    registry.update(settings, active);
    if (active) {
      removeTriggers ??= installCardTriggers(registry, card);
      removeGuard ??= installGuard(registry);
    } else {
      removeTriggers?.();
      removeGuard?.();
      removeTriggers = removeGuard = null;
      painter.clearAll();
      badges.removeAll();
      card.close();
      announcer.remove();
    }
    reportToolbar();
  };
  setActive(isSiteActive(settings, site));

  // A pause ends without any storage change: wake up when it does.
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;
  const armPauseTimer = () => {
    if (pauseTimer !== undefined) clearTimeout(pauseTimer);
    pauseTimer = undefined;
    const wait = settings.pausedUntil - Date.now();
    if (wait > 0 && wait < 2 ** 31 - 1) pauseTimer = setTimeout(() => setActive(isSiteActive(settings, site)), wait + 50);
  };
  armPauseTimer();

  chrome.storage.onChanged.addListener((changes, area) => {
    void (async () => {
      let changed = false;
      if ((area === "sync" && SETTINGS_KEY in changes) || (area === "local" && WORKPLACE_KEY in changes)) {
        settings = await loadSettings();
        changed = true;
      }
      if (area === "local" && IGNORED_KEY in changes) {
        ignored = await loadIgnored();
        changed = true;
      }
      if (!changed) return;
      applyConfig();
      armPauseTimer();
      setActive(isSiteActive(settings, site));
      registry.recheckAll();
    })();
  });

  chrome.runtime.onMessage.addListener((message: ContentRequest, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id) return false;
    if (message?.type === "safepost:get-summary") {
      const sessions = registry.active() ? registry.all() : [];
      const findings = sessions.flatMap((s, editorIndex) =>
        s.findings().map((f) => ({
          rule: f.rule, category: f.category, severity: f.severity, message: f.message,
          text: f.text, start: f.start, end: f.end, editorIndex,
        })),
      );
      const summary: PostSummary = {
        site,
        active: registry.active(),
        findings,
        counts: countBySeverity(findings),
        configProblem,
        partial: sessions.some((s) => s.partial()),
      };
      sendResponse(summary);
      return false;
    }
    if (message?.type === "safepost:focus-finding") {
      const session = registry.all()[message.editorIndex];
      session?.reveal(message.start, message.end);
      sendResponse({ ok: !!session });
      return false;
    }
    return false;
  });

  // Test build only: attached, and which painter. Never any post text in the DOM.
  exposeOnPage("ready", "1");
  exposeOnPage("painter", painter.mode);
}

void main().catch((error) => console.warn("SafePost: failed to start:", error instanceof Error ? error.message : "unknown error"));
