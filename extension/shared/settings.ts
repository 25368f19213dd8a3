// User settings: their shape, defaults, validation and storage. Anything read from storage is
// untrusted (older versions, hand edits, corruption): parseSettings never throws and always
// returns a complete, valid Settings object.
import { CATEGORIES, PROFESSIONS, SEVERITIES } from "./types";
import type { Category, Profession, Severity, SiteId } from "./types";

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = "settings"; // chrome.storage.sync
export const IGNORED_KEY = "ignored"; // chrome.storage.local: { salt, hashes }

export interface Settings {
  version: number;
  profession: Profession;
  disabledCategories: Category[];
  disabledRules: string[];
  /** The pre-publish summary appears for findings at or above this severity. */
  guardThreshold: Severity;
  workplaceTerms: string[];
  sites: Record<SiteId, boolean>;
  /** Epoch milliseconds; SafePost is paused everywhere until then. 0: not paused. */
  pausedUntil: number;
}

export interface IgnoredPhrases {
  salt: string;
  hashes: string[];
}

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    profession: "other",
    disabledCategories: [],
    disabledRules: [],
    guardThreshold: "high",
    workplaceTerms: [],
    sites: { x: true, facebook: true, linkedin: true },
    pausedUntil: 0,
  };
}

function stringList(value: unknown, limit: number, maxLen: number): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== "string") continue;
    const trimmed = item.trim();
    if (trimmed && trimmed.length <= maxLen && !out.includes(trimmed)) out.push(trimmed);
    if (out.length >= limit) break;
  }
  return out;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** Validates and migrates whatever was stored; unknown or broken fields fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  const d = defaultSettings();
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return d;
  const r = raw as Record<string, unknown>;
  const sites = typeof r.sites === "object" && r.sites !== null ? (r.sites as Record<string, unknown>) : {};
  return {
    version: SETTINGS_VERSION,
    profession: oneOf(r.profession, PROFESSIONS, d.profession),
    disabledCategories: stringList(r.disabledCategories, CATEGORIES.length, 40).filter((c): c is Category =>
      (CATEGORIES as readonly string[]).includes(c),
    ),
    disabledRules: stringList(r.disabledRules, 200, 80),
    guardThreshold: oneOf(r.guardThreshold, SEVERITIES, d.guardThreshold),
    workplaceTerms: stringList(r.workplaceTerms, 200, 100),
    sites: {
      x: typeof sites.x === "boolean" ? sites.x : true,
      facebook: typeof sites.facebook === "boolean" ? sites.facebook : true,
      linkedin: typeof sites.linkedin === "boolean" ? sites.linkedin : true,
    },
    pausedUntil:
      typeof r.pausedUntil === "number" && Number.isFinite(r.pausedUntil) && r.pausedUntil > 0 ? r.pausedUntil : 0,
  };
}

export function parseIgnored(raw: unknown): IgnoredPhrases {
  const r = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const salt = typeof r.salt === "string" && /^[0-9a-f]{32}$/.test(r.salt) ? r.salt : "";
  const hashes = salt ? stringList(r.hashes, 5000, 64).filter((h) => /^[0-9a-f]{16}$/.test(h)) : [];
  return { salt, hashes };
}

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await chrome.storage.sync.get(SETTINGS_KEY);
    return parseSettings(got[SETTINGS_KEY]);
  } catch {
    return defaultSettings();
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await chrome.storage.sync.set({ [SETTINGS_KEY]: parseSettings(settings) });
}

/** Loads the ignored-phrase hashes, creating the random salt on first use. */
export async function loadIgnored(): Promise<IgnoredPhrases> {
  let ignored: IgnoredPhrases;
  try {
    ignored = parseIgnored((await chrome.storage.local.get(IGNORED_KEY))[IGNORED_KEY]);
  } catch {
    ignored = { salt: "", hashes: [] };
  }
  if (!ignored.salt) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    ignored = { salt: Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""), hashes: [] };
    try {
      await chrome.storage.local.set({ [IGNORED_KEY]: ignored });
    } catch {
      // Storage unavailable: the salt still works for this page's lifetime.
    }
  }
  return ignored;
}

export function isSiteActive(settings: Settings, site: SiteId, now = Date.now()): boolean {
  return settings.sites[site] && !(settings.pausedUntil > now);
}
