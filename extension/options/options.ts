// The options page. Every control saves as soon as it changes; content scripts pick the change
// up through storage.onChanged, so open tabs follow at once. Whatever storage holds is read
// through parseSettings, so corrupt or old settings show as defaults instead of breaking the page.
import {
  defaultSettings,
  IGNORED_KEY,
  loadSettings,
  parseIgnored,
  saveSettings,
  SettingsSaveError,
  SETTINGS_KEY,
  WORKPLACE_KEY,
} from "../shared/settings";
import type { Settings } from "../shared/settings";
import { CATEGORIES, PROFESSIONS, SEVERITIES } from "../shared/types";
import type { Category, Severity, SiteId } from "../shared/types";
import { CATEGORY_INFO, PROFESSION_LABELS, SITE_LABELS } from "../shared/labels";
import { configProblems, initCore } from "../shared/core";
import { capProblems, exportFile, parseImport, sizeProblem } from "./import";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const THRESHOLD_CHOICES: Record<Severity, { label: string; help: string }> = {
  critical: { label: "Critical only", help: "Patient identifiers, patient images, discrimination, misinformation." },
  high: { label: "High and critical (recommended)", help: "Also identifiable cases, mocking patients, boundaries, defamation and more." },
  medium: { label: "Medium and above", help: "Also advice to one person, workplace disputes, offensive language." },
  low: { label: "Everything", help: "Even advisory notes such as your own security and heated tone." },
};

const SITES: SiteId[] = ["x", "facebook", "linkedin"];

let settings: Settings = defaultSettings();
let savedTimer: ReturnType<typeof setTimeout> | undefined;

/** The core, loaded here only to ask its validator; null until loaded, or if it failed. */
let core: Promise<boolean> | null = null;
function loadCore(): Promise<boolean> {
  core ??= initCore({ module_or_path: chrome.runtime.getURL("wasm/safepost_bg.wasm") }).then(
    () => true,
    () => false,
  );
  return core;
}

/**
 * What SafePost's checker would refuse in `s`: the core's own validator (src/config.rs, through
 * the wasm export configProblems), the one the content script's checker applies. Messages name
 * a setting's position, never its value. If the core cannot load, nothing is judged valid.
 */
async function checkerProblems(s: Settings): Promise<string[]> {
  return (await loadCore()) ? coreProblemsOf(s) : [CORE_MISSING];
}

const CORE_MISSING = "SafePost's checker could not be loaded to check these settings; try again";

/** The core's validator on the settings it is given (the core must be loaded). */
function coreProblemsOf(s: Settings): string[] {
  return configProblems({ profession: s.profession, workplaceTerms: s.workplaceTerms, disabledRules: s.disabledRules });
}

function sentence(problem: string): string {
  return problem.charAt(0).toUpperCase() + problem.slice(1) + (problem.endsWith(".") ? "" : ".");
}

// ---- building the controls (once) ----

function buildProfession(): void {
  const select = $<HTMLSelectElement>("profession");
  for (const p of PROFESSIONS) {
    const opt = document.createElement("option");
    opt.value = p;
    opt.textContent = PROFESSION_LABELS[p];
    select.append(opt);
  }
  select.addEventListener("change", () => {
    const value = select.value as Settings["profession"];
    void update((s) => (s.profession = value));
  });
}

function buildSites(): void {
  const box = $<HTMLElement>("sites");
  for (const site of SITES) {
    const label = document.createElement("label");
    label.className = "toggle-row";
    const text = document.createElement("span");
    text.textContent = `Check posts on ${SITE_LABELS[site]}`;
    const input = document.createElement("input");
    input.type = "checkbox";
    input.setAttribute("role", "switch");
    input.className = "switch";
    input.dataset.site = site;
    input.addEventListener("change", () => void update((s) => (s.sites[site] = input.checked)));
    label.append(text, input);
    box.append(label);
  }
  $<HTMLButtonElement>("resume").addEventListener("click", () => void update((s) => (s.pausedUntil = 0)));
}

function buildThreshold(): void {
  const fieldset = $<HTMLFieldSetElement>("threshold");
  for (const sev of SEVERITIES) {
    const label = document.createElement("label");
    label.className = "choice";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "threshold";
    input.value = sev;
    input.addEventListener("change", () => {
      if (input.checked) void update((s) => (s.guardThreshold = sev));
    });
    const text = document.createElement("span");
    const title = document.createElement("strong");
    title.textContent = THRESHOLD_CHOICES[sev].label;
    const help = document.createElement("small");
    help.textContent = THRESHOLD_CHOICES[sev].help;
    text.append(title, help);
    label.append(input, text);
    fieldset.append(label);
  }
}

function buildCategories(): void {
  const list = $<HTMLUListElement>("categories");
  for (const cat of CATEGORIES) {
    const li = document.createElement("li");
    const label = document.createElement("label");
    label.className = "category";
    const input = document.createElement("input");
    input.type = "checkbox";
    input.dataset.category = cat;
    input.addEventListener("change", () => {
      const on = input.checked;
      void update((s) => {
        s.disabledCategories = on ? s.disabledCategories.filter((c) => c !== cat) : [...new Set([...s.disabledCategories, cat])];
      });
    });
    const text = document.createElement("span");
    const title = document.createElement("strong");
    title.textContent = CATEGORY_INFO[cat].label;
    const desc = document.createElement("small");
    desc.textContent = CATEGORY_INFO[cat].description;
    text.append(title, desc);
    label.append(input, text);
    li.append(label);
    list.append(li);
  }
  $<HTMLButtonElement>("all-on").addEventListener("click", () => void update((s) => (s.disabledCategories = [])));
}

function buildWorkplace(): void {
  const area = $<HTMLTextAreaElement>("workplace");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    clearTimeout(timer);
    const terms = linesOf(area.value);
    if (same(terms, settings.workplaceTerms) && !(await showWorkplaceProblems(settings))) return;
    // The checker's own rule: a term it would refuse is never saved (it would switch checking
    // off); the list stays as typed, with the problem beside it.
    const problems = await checkerProblems({ ...settings, workplaceTerms: terms });
    if (problems.length) {
      showWorkplaceMessage(problems.map(sentence), "Not saved: ");
      return;
    }
    showWorkplaceMessage([]);
    await update((s) => (s.workplaceTerms = terms));
  };
  // Save shortly after typing stops, and for certain when the field loses focus.
  area.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), 500);
  });
  area.addEventListener("change", () => void save());
}

/** The workplace terms' problems under the list (none: the message is hidden). */
function showWorkplaceMessage(problems: string[], lead = ""): void {
  const box = $<HTMLElement>("workplace-msg");
  box.hidden = problems.length === 0;
  const items = capProblems(problems).map((p, i) => {
    const li = document.createElement("li");
    li.textContent = i === 0 ? lead + p : p;
    return li;
  });
  const ul = document.createElement("ul");
  ul.append(...items);
  box.replaceChildren(ul);
}

/**
 * Stored settings the checker refuses (an older version let them in): shown here, as in the
 * popup; the checker uses the last good settings meanwhile. True when there are problems.
 */
async function showWorkplaceProblems(s: Settings): Promise<boolean> {
  const problems = await checkerProblems(s);
  if (problems.length) showWorkplaceMessage(problems.map(sentence), "SafePost is not using these settings: ");
  else showWorkplaceMessage([]);
  return problems.length > 0;
}

function buildIgnored(): void {
  $<HTMLButtonElement>("clear-ignored").addEventListener("click", async () => {
    const current = parseIgnored((await chrome.storage.local.get(IGNORED_KEY))[IGNORED_KEY]);
    // Keep the salt: it is not secret from this device and nothing else depends on a new one.
    await chrome.storage.local.set({ [IGNORED_KEY]: { salt: current.salt, hashes: [] } });
    flashSaved("Ignored phrases cleared");
    await renderIgnored();
  });
}

function buildBackup(): void {
  $<HTMLButtonElement>("export").addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(exportFile(settings), null, 2) + "\n"], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "safepost-settings.json";
    document.body.append(a);
    a.click();
    a.remove();
    // Give the download a moment to start before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  const file = $<HTMLInputElement>("import-file");
  $<HTMLButtonElement>("import").addEventListener("click", () => file.click());
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    file.value = ""; // choosing the same file again must fire "change" again
    if (!chosen) return;
    const tooLarge = sizeProblem(chosen.size);
    if (tooLarge) {
      showMessage("error", `\u201c${chosen.name}\u201d was not imported. Nothing was changed.`, [tooLarge]);
      return;
    }
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      showMessage("error", "The file could not be read.", []);
      return;
    }
    const current = await loadSettings();
    const loaded = await loadCore();
    const result = parseImport(text, current, (s) => (loaded ? coreProblemsOf(s) : [CORE_MISSING]));
    if (!result.ok) {
      showMessage("error", `\u201c${chosen.name}\u201d was not imported. Nothing was changed.`, result.problems);
      return;
    }
    try {
      await saveSettings(result.settings);
    } catch (error) {
      showMessage("error", `\u201c${chosen.name}\u201d was not imported. Nothing was changed.`, [saveErrorText(error)]);
      return;
    }
    settings = result.settings;
    render();
    showMessage("ok", `Settings imported from \u201c${chosen.name}\u201d.`, []);
    flashSaved();
  });

  const confirmBox = $<HTMLElement>("reset-confirm");
  $<HTMLButtonElement>("reset").addEventListener("click", () => {
    confirmBox.hidden = false;
    $<HTMLButtonElement>("reset-no").focus();
  });
  $<HTMLButtonElement>("reset-no").addEventListener("click", () => {
    confirmBox.hidden = true;
    $<HTMLButtonElement>("reset").focus();
  });
  $<HTMLButtonElement>("reset-yes").addEventListener("click", async () => {
    confirmBox.hidden = true;
    try {
      await saveSettings(defaultSettings());
    } catch (error) {
      showMessage("error", "The settings were not reset.", [saveErrorText(error)]);
      return;
    }
    settings = defaultSettings();
    render();
    showMessage("ok", "All settings are back to their defaults.", []);
    flashSaved();
  });
}

// ---- showing the current settings ----

function render(): void {
  $<HTMLSelectElement>("profession").value = settings.profession;
  for (const input of document.querySelectorAll<HTMLInputElement>("#sites input[data-site]")) {
    input.checked = settings.sites[input.dataset.site as SiteId];
  }
  const paused = settings.pausedUntil > Date.now();
  $<HTMLElement>("pause-box").hidden = !paused;
  $<HTMLElement>("pause-text").textContent = paused
    ? `SafePost is paused everywhere until ${new Date(settings.pausedUntil).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}.`
    : "";
  for (const input of document.querySelectorAll<HTMLInputElement>("input[name=threshold]")) {
    input.checked = input.value === settings.guardThreshold;
  }
  for (const input of document.querySelectorAll<HTMLInputElement>("input[data-category]")) {
    input.checked = !settings.disabledCategories.includes(input.dataset.category as Category);
  }
  // Don't rewrite the list under the user's cursor when it means the same thing.
  const area = $<HTMLTextAreaElement>("workplace");
  if (!same(linesOf(area.value), settings.workplaceTerms)) area.value = settings.workplaceTerms.join("\n");
  renderRules();
}

function renderRules(): void {
  const list = $<HTMLUListElement>("rules");
  list.replaceChildren();
  for (const rule of settings.disabledRules) {
    const li = document.createElement("li");
    const name = document.createElement("code");
    name.textContent = rule;
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "btn small";
    btn.textContent = "Turn back on";
    btn.setAttribute("aria-label", `Turn rule ${rule} back on`);
    btn.addEventListener("click", () => void update((s) => (s.disabledRules = s.disabledRules.filter((r) => r !== rule))));
    li.append(name, btn);
    list.append(li);
  }
  $<HTMLElement>("rules-empty").hidden = settings.disabledRules.length > 0;
}

async function renderIgnored(): Promise<void> {
  let count = 0;
  try {
    count = parseIgnored((await chrome.storage.local.get(IGNORED_KEY))[IGNORED_KEY]).hashes.length;
  } catch {
    count = 0;
  }
  $<HTMLElement>("ignored-count").textContent =
    count === 0 ? "No phrases ignored." : count === 1 ? "1 phrase always ignored." : `${count} phrases always ignored.`;
  $<HTMLButtonElement>("clear-ignored").disabled = count === 0;
}

function showMessage(kind: "ok" | "error", text: string, problems: string[]): void {
  const box = $<HTMLElement>("import-msg");
  box.hidden = false;
  box.className = `message ${kind}`;
  const head = document.createElement("p");
  head.textContent = text;
  box.replaceChildren(head);
  if (problems.length) {
    const ul = document.createElement("ul");
    for (const p of problems) {
      const li = document.createElement("li");
      li.textContent = p;
      ul.append(li);
    }
    box.append(ul);
  }
}

function flashSaved(text = "Saved"): void {
  const el = $<HTMLElement>("saved");
  el.textContent = text;
  el.classList.add("show");
  clearTimeout(savedTimer);
  savedTimer = setTimeout(() => el.classList.remove("show"), 1800);
}

// ---- saving ----

async function update(mutate: (s: Settings) => void): Promise<void> {
  // Start from storage, not from our copy: the popup or a content script (turning a rule off)
  // may have written since we rendered.
  const fresh = await loadSettings();
  mutate(fresh);
  try {
    await saveSettings(fresh);
  } catch (error) {
    // Nothing was saved: show what storage holds, and why.
    showSaveError(saveErrorText(error));
    settings = await loadSettings();
    render();
    return;
  }
  showSaveError(null);
  settings = fresh;
  render();
  flashSaved();
}

/** The message of a failed save: ours (SettingsSaveError), or a generic one, never a value. */
function saveErrorText(error: unknown): string {
  return error instanceof SettingsSaveError ? error.message : "The settings could not be saved. Nothing was changed.";
}

function showSaveError(text: string | null): void {
  const box = $<HTMLElement>("save-msg");
  box.hidden = text === null;
  box.textContent = text ?? "";
}

function linesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function main(): Promise<void> {
  buildProfession();
  buildSites();
  buildThreshold();
  buildCategories();
  buildWorkplace();
  buildIgnored();
  buildBackup();
  settings = await loadSettings();
  render();
  await renderIgnored();
  await showWorkplaceProblems(settings);
  chrome.storage.onChanged.addListener((changes, area) => {
    if ((area === "sync" && SETTINGS_KEY in changes) || (area === "local" && WORKPLACE_KEY in changes)) {
      void loadSettings().then((s) => {
        settings = s;
        render();
      });
    }
    if (area === "local" && IGNORED_KEY in changes) void renderIgnored();
  });
  document.body.dataset.ready = "true";
}

void main();
