// User settings: their shape, defaults, validation and storage. Anything read from storage is
// untrusted (older versions, hand edits, corruption): parseSettings never throws and always
// returns a complete, valid Settings object.
import { CATEGORIES, PROFESSIONS, SEVERITIES } from "./types";
import type { Category, Profession, Severity, SiteId } from "./types";

export const SETTINGS_VERSION = 1;
/** chrome.storage.sync: preferences that identify no one (everything but workplace terms). */
export const SETTINGS_KEY = "settings";
/** chrome.storage.local: { salt, hashes } of "always ignore" phrases; never synced. */
export const IGNORED_KEY = "ignored";
/**
 * chrome.storage.local: { terms } the user's workplace terms (hospitals, wards, colleagues'
 * names). They identify the user and the people around them, so they never leave the device:
 * storage.sync would upload them to the browser vendor's servers.
 */
export const WORKPLACE_KEY = "workplace";

/** chrome.storage.sync's limit per item (QUOTA_BYTES_PER_ITEM), key included. */
export const SYNC_ITEM_BYTES = 8_192;
/** chrome.storage.local's limit (QUOTA_BYTES) without unlimitedStorage. */
export const LOCAL_BYTES = 10_485_760;

/** A save that did not happen; its message is for the user and never quotes a setting. */
export class SettingsSaveError extends Error {}

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

/** The size storage counts for `key: value` (JSON, UTF-8), as chrome.storage measures it. */
export function storedBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/**
 * Settings from both areas: preferences from sync, workplace terms from local. Terms that an
 * older version kept in sync are moved to local once (and removed from sync).
 */
export async function loadSettings(): Promise<Settings> {
  const [synced, local] = await Promise.all([
    chrome.storage.sync.get(SETTINGS_KEY).then((got) => got[SETTINGS_KEY], () => undefined),
    chrome.storage.local.get(WORKPLACE_KEY).then((got) => got[WORKPLACE_KEY], () => undefined),
  ]);
  const settings = parseSettings(synced);
  let localTerms = local;
  const old = typeof synced === "object" && synced !== null && "workplaceTerms" in synced;
  if (old) {
    // Migration: terms found in sync move to local, unless local already has its own list.
    if (localTerms === undefined) localTerms = { terms: settings.workplaceTerms };
    await migrateTerms(synced as Record<string, unknown>, localTerms);
  }
  settings.workplaceTerms = parseSettings({ workplaceTerms: (localTerms as { terms?: unknown } | undefined)?.terms }).workplaceTerms;
  return settings;
}

async function migrateTerms(synced: Record<string, unknown>, local: unknown): Promise<void> {
  try {
    await chrome.storage.local.set({ [WORKPLACE_KEY]: local });
    const { workplaceTerms: _terms, ...rest } = synced;
    await chrome.storage.sync.set({ [SETTINGS_KEY]: rest });
  } catch {
    // Retried on the next load; the terms are read from local meanwhile.
  }
}

/** What goes to sync: every preference but the workplace terms. */
function syncedPart(settings: Settings): Omit<Settings, "workplaceTerms"> {
  const { workplaceTerms: _terms, ...rest } = parseSettings(settings);
  return rest;
}

/**
 * Saves settings: preferences to sync, workplace terms to local. Sizes are checked first
 * against each area's quota; if a write fails after the other succeeded, the first is put
 * back. Either everything is saved, or nothing is and SettingsSaveError says why.
 */
export async function saveSettings(settings: Settings): Promise<void> {
  const clean = parseSettings(settings);
  const synced = syncedPart(clean);
  const local = { terms: clean.workplaceTerms };
  const syncBytes = storedBytes(SETTINGS_KEY, synced);
  if (syncBytes > SYNC_ITEM_BYTES) {
    throw new SettingsSaveError(
      `These settings take ${syncBytes.toLocaleString("en-GB")} bytes; the browser syncs at most ${SYNC_ITEM_BYTES.toLocaleString("en-GB")} bytes of them. Turn fewer rules off (or shorten the list), then try again.`,
    );
  }
  if (storedBytes(WORKPLACE_KEY, local) > LOCAL_BYTES) {
    throw new SettingsSaveError("The workplace terms are too large to store on this device.");
  }
  // Only the areas that change are written: one change is one storage event, so no reader
  // ever sees one area saved and the other not yet.
  let before: [unknown, unknown];
  try {
    before = await Promise.all([
      chrome.storage.local.get(WORKPLACE_KEY).then((got) => got[WORKPLACE_KEY]),
      chrome.storage.sync.get(SETTINGS_KEY).then((got) => got[SETTINGS_KEY]),
    ]);
  } catch (error) {
    throw new SettingsSaveError(`The settings could not be read before saving (${storageReason(error)}). Nothing was changed.`);
  }
  const [previous, previousSynced] = before;
  const localChanged = JSON.stringify(previous) !== JSON.stringify(local);
  const syncChanged = JSON.stringify(previousSynced) !== JSON.stringify(synced);
  if (localChanged) {
    try {
      await chrome.storage.local.set({ [WORKPLACE_KEY]: local });
    } catch (error) {
      throw new SettingsSaveError(`The settings could not be saved on this device (${storageReason(error)}). Nothing was changed.`);
    }
  }
  if (!syncChanged) return;
  try {
    await chrome.storage.sync.set({ [SETTINGS_KEY]: synced });
  } catch (error) {
    if (localChanged) {
      try {
        if (previous === undefined) await chrome.storage.local.remove(WORKPLACE_KEY);
        else await chrome.storage.local.set({ [WORKPLACE_KEY]: previous });
      } catch {
        // Nothing more we can do; the message below still says the save failed.
      }
    }
    throw new SettingsSaveError(`The settings could not be saved (${storageReason(error)}). Nothing was changed.`);
  }
}

/** The browser's reason for a storage failure (quota, rate limit), without any value. */
function storageReason(error: unknown): string {
  const m = error instanceof Error ? error.message : "";
  if (/QUOTA_BYTES_PER_ITEM/i.test(m)) return "an item is larger than the browser allows";
  if (/QUOTA_BYTES/i.test(m)) return "the browser's storage quota is full";
  if (/MAX_WRITE_OPERATIONS/i.test(m)) return "too many changes in a short time; wait a minute";
  return "the browser refused to store them";
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
