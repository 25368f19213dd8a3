// The page opened on install: choose a profession (saved at once), see what is checked, and
// read the privacy promise.
import { loadSettings, saveSettings, SETTINGS_KEY } from "../shared/settings";
import { CATEGORIES, PROFESSIONS } from "../shared/types";
import type { Profession } from "../shared/types";
import { CATEGORY_INFO, PROFESSION_LABELS } from "../shared/labels";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let savedTimer: ReturnType<typeof setTimeout> | undefined;

function buildProfessions(current: Profession): void {
  const box = $<HTMLFieldSetElement>("professions");
  for (const p of PROFESSIONS) {
    const label = document.createElement("label");
    label.className = "prof";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "profession";
    input.value = p;
    input.checked = p === current;
    input.addEventListener("change", () => {
      if (input.checked) void save(p);
    });
    const text = document.createElement("span");
    text.textContent = PROFESSION_LABELS[p];
    label.append(input, text);
    box.append(label);
  }
}

async function save(profession: Profession): Promise<void> {
  const s = await loadSettings(); // keep anything else already set
  s.profession = profession;
  await saveSettings(s);
  const el = $<HTMLElement>("saved");
  el.textContent = `Saved: ${PROFESSION_LABELS[profession]}.`;
  clearTimeout(savedTimer);
  savedTimer = setTimeout(() => (el.textContent = ""), 4000);
}

function buildChecks(): void {
  const list = $<HTMLUListElement>("checks");
  for (const c of CATEGORIES) {
    const li = document.createElement("li");
    const title = document.createElement("strong");
    title.textContent = CATEGORY_INFO[c].label;
    const desc = document.createElement("span");
    desc.textContent = CATEGORY_INFO[c].description;
    li.append(title, desc);
    list.append(li);
  }
}

async function main(): Promise<void> {
  const settings = await loadSettings();
  buildProfessions(settings.profession);
  buildChecks();
  $<HTMLButtonElement>("open-options").addEventListener("click", () => void chrome.runtime.openOptionsPage());
  // Another page (options) may change the profession while this one is open.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "sync" || !(SETTINGS_KEY in changes)) return;
    void loadSettings().then((s) => {
      for (const input of document.querySelectorAll<HTMLInputElement>("input[name=profession]")) {
        input.checked = input.value === s.profession;
      }
    });
  });
  document.body.dataset.ready = "true";
}

void main();
