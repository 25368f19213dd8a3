// The toolbar popup: which site the active tab is, a per-site switch, pause for an hour, and a
// summary of the post being written there (asked of that tab's content script).
//
// No "tabs" permission: tabs.query gives us the URL only for sites we have host access to,
// which are exactly our three sites, so a missing URL simply means "not one of ours".
// `popup.html?tab=<id>` targets a given tab instead of the active one (used when the popup is
// opened as a page, e.g. by tests); without it the popup follows the active tab.
import { loadSettings, saveSettings, SETTINGS_KEY, isSiteActive } from "../shared/settings";
import type { Settings } from "../shared/settings";
import type { FocusFindingRequest, PostSummary, SummaryRequest } from "../shared/messages";
import { SEVERITIES } from "../shared/types";
import type { SiteId } from "../shared/types";
import { CATEGORY_INFO, SEVERITY_LABELS, SITE_LABELS, siteFromUrl } from "../shared/labels";

const PAUSE_MS = 60 * 60 * 1000;
const SUMMARY_REFRESH_MS = 1500;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const ui = {
  siteCard: $<HTMLElement>("site-card"),
  siteName: $<HTMLElement>("site-name"),
  siteStatus: $<HTMLElement>("site-status"),
  toggle: $<HTMLInputElement>("site-toggle"),
  toggleLabel: $<HTMLElement>("site-toggle-label"),
  notSite: $<HTMLElement>("not-site"),
  pauseText: $<HTMLElement>("pause-text"),
  pause: $<HTMLButtonElement>("pause"),
  summary: $<HTMLElement>("summary"),
  counts: $<HTMLElement>("counts"),
  empty: $<HTMLElement>("summary-empty"),
  findings: $<HTMLUListElement>("findings"),
  options: $<HTMLButtonElement>("open-options"),
};

let tabId: number | null = null;
let site: SiteId | null = null;
let settings: Settings;
/** Set when opened as a page for a given tab: then the popup doesn't close itself. */
const explicitTab = parseTabParam(location.search);
let pauseTimer: ReturnType<typeof setTimeout> | undefined;

function parseTabParam(search: string): number | null {
  const raw = new URLSearchParams(search).get("tab");
  return raw && /^\d+$/.test(raw) ? Number(raw) : null;
}

async function targetTab(): Promise<chrome.tabs.Tab | null> {
  try {
    if (explicitTab !== null) return await chrome.tabs.get(explicitTab);
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab ?? null;
  } catch {
    return null;
  }
}

function renderSettings(): void {
  const now = Date.now();
  const paused = settings.pausedUntil > now;
  if (site) {
    const name = SITE_LABELS[site];
    ui.siteCard.hidden = false;
    ui.notSite.hidden = true;
    ui.siteName.textContent = name;
    ui.toggle.checked = settings.sites[site];
    ui.toggleLabel.textContent = `Check posts on ${name}`;
    ui.siteStatus.className = "status";
    if (!settings.sites[site]) {
      ui.siteStatus.textContent = `Off on ${name}. Posts here are not checked.`;
      ui.siteStatus.classList.add("is-off");
    } else if (paused) {
      ui.siteStatus.textContent = `Paused until ${clock(settings.pausedUntil)}.`;
      ui.siteStatus.classList.add("is-paused");
    } else {
      ui.siteStatus.textContent = `On \u2014 checking your posts on ${name}.`;
      ui.siteStatus.classList.add("is-on");
    }
  } else {
    ui.siteCard.hidden = true;
    ui.notSite.hidden = false;
  }
  ui.pauseText.textContent = paused ? `All checks paused until ${clock(settings.pausedUntil)}.` : "";
  ui.pause.textContent = paused ? "Resume now" : "Pause for 1 hour";
  ui.pause.dataset.state = paused ? "paused" : "running";
  // Re-render when the pause runs out, so the popup never shows a stale "paused".
  clearTimeout(pauseTimer);
  if (paused) pauseTimer = setTimeout(() => renderAll(), Math.min(settings.pausedUntil - now + 50, 2 ** 31 - 1));
}

function clock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

async function fetchSummary(): Promise<PostSummary | null> {
  if (tabId === null || !site) return null;
  try {
    const msg: SummaryRequest = { type: "safepost:get-summary" };
    const reply = (await chrome.tabs.sendMessage(tabId, msg, { frameId: 0 })) as PostSummary | undefined;
    return reply && Array.isArray(reply.findings) ? reply : null;
  } catch {
    return null; // no content script in the tab (opened before install, or still loading)
  }
}

function renderSummary(summary: PostSummary | null): void {
  if (!site) {
    ui.summary.hidden = true;
    return;
  }
  ui.summary.hidden = false;
  ui.empty.classList.remove("ok");
  const name = SITE_LABELS[site];
  const active = isSiteActive(settings, site);
  ui.counts.replaceChildren();
  ui.findings.replaceChildren();
  // Settings the checker refused (it uses the last good ones meanwhile): say so, plainly.
  const problem = document.getElementById("config-problem") as HTMLElement;
  problem.hidden = !summary?.configProblem;
  problem.textContent = summary?.configProblem
    ? `SafePost is checking with your earlier settings: the current ones were refused (${summary.configProblem}). Fix them in Settings.`
    : "";
  const partial = document.getElementById("partial") as HTMLElement;
  partial.hidden = !summary?.partial;
  partial.textContent = summary?.partial ? "This post is longer than SafePost checks: only its start was checked." : "";
  if (!active) {
    ui.empty.textContent = settings.sites[site]
      ? "Checks are paused. Resume to see what SafePost would flag."
      : `Turn SafePost on for ${name} to check the post you are writing.`;
    return;
  }
  if (!summary) {
    ui.empty.textContent = `Start writing a post on ${name} and anything worth a second look will show here.`;
    return;
  }
  for (const sev of SEVERITIES) {
    const n = summary.counts?.[sev] ?? 0;
    const chip = document.createElement("span");
    chip.className = `count sev-${sev}${n === 0 ? " zero" : ""}`;
    chip.dataset.severity = sev;
    const num = document.createElement("strong");
    num.textContent = String(n);
    chip.append(num, ` ${SEVERITY_LABELS[sev]}`);
    ui.counts.append(chip);
  }
  if (summary.findings.length === 0) {
    ui.empty.textContent = "Nothing to flag in this post so far.";
    ui.empty.classList.add("ok");
    return;
  }
  ui.empty.textContent = "";
  const multi = summary.findings.some((f) => f.editorIndex > 0);
  const sorted = [...summary.findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.editorIndex - b.editorIndex || a.start - b.start,
  );
  for (const f of sorted) {
    const li = document.createElement("li");
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "finding";
    const top = document.createElement("span");
    top.className = "finding-top";
    const sev = document.createElement("span");
    sev.className = `dot sev-${f.severity}`;
    sev.textContent = SEVERITY_LABELS[f.severity];
    const cat = document.createElement("span");
    cat.className = "finding-cat";
    cat.textContent = (CATEGORY_INFO[f.category]?.label ?? f.category) + (multi ? ` \u00b7 post ${f.editorIndex + 1}` : "");
    top.append(sev, cat);
    const quote = document.createElement("q");
    quote.className = "finding-text";
    quote.textContent = f.text;
    const msg = document.createElement("span");
    msg.className = "finding-msg";
    msg.textContent = f.message;
    btn.append(top, quote, msg);
    btn.title = "Show this in the post";
    btn.addEventListener("click", () => void focusFinding(f.editorIndex, f.start, f.end));
    li.append(btn);
    ui.findings.append(li);
  }
}

async function focusFinding(editorIndex: number, start: number, end: number): Promise<void> {
  if (tabId === null) return;
  const msg: FocusFindingRequest = { type: "safepost:focus-finding", editorIndex, start, end };
  try {
    await chrome.tabs.sendMessage(tabId, msg, { frameId: 0 });
  } catch {
    return;
  }
  // A real popup would hide the selection it just made; a popup opened as a page stays.
  if (explicitTab === null) window.close();
}

async function update(mutate: (s: Settings) => void): Promise<void> {
  // Re-read first: another tab or page may have changed settings since we rendered.
  const fresh = await loadSettings();
  mutate(fresh);
  settings = fresh;
  renderSettings();
  await saveSettings(fresh);
}

async function renderAll(): Promise<void> {
  settings = await loadSettings();
  renderSettings();
  renderSummary(await fetchSummary());
}

async function main(): Promise<void> {
  const tab = await targetTab();
  tabId = tab?.id ?? null;
  site = siteFromUrl(tab?.url);
  document.body.dataset.site = site ?? "none";
  await renderAll();

  ui.toggle.addEventListener("change", () => {
    const on = ui.toggle.checked;
    if (site) void update((s) => (s.sites[site as SiteId] = on));
  });
  ui.pause.addEventListener("click", () => {
    const paused = settings.pausedUntil > Date.now();
    void update((s) => (s.pausedUntil = paused ? 0 : Date.now() + PAUSE_MS));
  });
  ui.options.addEventListener("click", () => void chrome.runtime.openOptionsPage());
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "sync" && SETTINGS_KEY in changes) void renderAll();
  });
  // The post changes while the popup is open (as a page): keep the summary current.
  setInterval(() => {
    if (!document.hidden) void fetchSummary().then(renderSummary);
  }, SUMMARY_REFRESH_MS);
  document.body.dataset.ready = "true";
}

void main();
