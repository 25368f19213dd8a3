// Settings export/import file format, and the strict check of an imported file. Unlike
// parseSettings (which quietly repairs whatever storage holds), an import the user chose must be
// either exactly right or refused with the reasons, changing nothing.
import { parseSettings, SETTINGS_VERSION } from "../shared/settings";
import type { Settings } from "../shared/settings";
import { CATEGORIES, PROFESSIONS, SEVERITIES } from "../shared/types";

export const EXPORT_APP = "safepost";
export const EXPORT_KIND = "settings";

export interface ExportFile {
  app: typeof EXPORT_APP;
  kind: typeof EXPORT_KIND;
  version: number;
  exportedAt: string;
  settings: Settings;
}

export function exportFile(settings: Settings, now = new Date()): ExportFile {
  // The pause is a moment's choice, not a preference worth carrying to another browser.
  const { pausedUntil: _paused, ...rest } = parseSettings(settings);
  return {
    app: EXPORT_APP,
    kind: EXPORT_KIND,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings: { ...rest, pausedUntil: 0 },
  };
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** Files larger than this are refused unread: settings exported by SafePost are a few KB. */
export const MAX_IMPORT_BYTES = 64 * 1024;
/** At most this many problems are listed; the rest are counted. */
export const MAX_PROBLEMS = 20;

/** A file's size, before it is read: a message when it is too large to be settings. */
export function sizeProblem(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const kb = (n: number) => `${Math.ceil(n / 1024).toLocaleString("en-GB")} KB`;
  return `The file is ${kb(bytes)}; SafePost settings files are at most ${kb(MAX_IMPORT_BYTES)}. Choose a file exported by SafePost.`;
}

/** The first MAX_PROBLEMS problems, then one line counting the others. */
export function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), `\u2026and ${more.toLocaleString("en-GB")} more problem${more === 1 ? "" : "s"}.`];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 37) + "..." : s;
};

/**
 * Checks a file's text. Accepts our export wrapper, or a bare settings object as stored.
 * `current` supplies what a file never carries (the pause). `coreProblems` is the core's own
 * validator (wasm `configProblems`), so an import is refused for exactly what the checker
 * would reject. At most MAX_PROBLEMS problems are listed.
 */
export function parseImport(text: string, current: Settings, coreProblems: (s: Settings) => string[]): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, problems: [sizeProblem(text.length) ?? ""] };
  const result = parseImportUnchecked(text, current);
  if (!result.ok) return { ok: false, problems: capProblems(result.problems) };
  const core = coreProblems(result.settings);
  if (core.length) return { ok: false, problems: capProblems(core.map((p) => `SafePost's checker refuses these settings: ${p}.`)) };
  return result;
}

function parseImportUnchecked(text: string, current: Settings): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [`The file is not valid JSON (${why}).`] };
  }
  if (!isObject(data)) {
    return { ok: false, problems: ["The file does not contain SafePost settings: expected a JSON object, found " + kindOf(data) + "."] };
  }
  if ("app" in data && data.app !== EXPORT_APP) {
    return { ok: false, problems: [`The file was not made by SafePost (app is ${show(data.app)}).`] };
  }
  if ("kind" in data && data.kind !== EXPORT_KIND) {
    return { ok: false, problems: [`The file holds SafePost ${show(data.kind)}, not settings.`] };
  }
  const wrapped = "settings" in data;
  const s = wrapped ? data.settings : data;
  if (!isObject(s)) {
    return { ok: false, problems: ["The file's \u201csettings\u201d is " + kindOf(s) + ", not an object."] };
  }

  const version = wrapped && "version" in data ? data.version : s.version;
  if (version === undefined) return { ok: false, problems: ["The file has no settings version, so it can't be read safely."] };
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [`The settings version ${show(version)} is not one SafePost knows.`] };
  }
  if (version > SETTINGS_VERSION) {
    return {
      ok: false,
      problems: [
        `These settings come from a newer SafePost (version ${version}); this one reads version ${SETTINGS_VERSION}. Update SafePost, then import again.`,
      ],
    };
  }

  const problems: string[] = [];
  const need = (key: string) => {
    if (!(key in s)) problems.push(`\u201c${key}\u201d is missing.`);
    return key in s;
  };
  if (need("profession") && !(PROFESSIONS as readonly unknown[]).includes(s.profession)) {
    problems.push(`\u201cprofession\u201d is ${show(s.profession)}; it must be one of ${PROFESSIONS.join(", ")}.`);
  }
  if (need("guardThreshold") && !(SEVERITIES as readonly unknown[]).includes(s.guardThreshold)) {
    problems.push(`\u201cguardThreshold\u201d is ${show(s.guardThreshold)}; it must be one of ${SEVERITIES.join(", ")}.`);
  }
  if (need("disabledCategories")) {
    if (!Array.isArray(s.disabledCategories)) problems.push("\u201cdisabledCategories\u201d must be a list.");
    else
      for (const c of s.disabledCategories)
        if (!(CATEGORIES as readonly unknown[]).includes(c)) problems.push(`\u201cdisabledCategories\u201d has an unknown category ${show(c)}.`);
  }
  stringListProblems(s, "disabledRules", 200, 80, problems);
  stringListProblems(s, "workplaceTerms", 200, 100, problems);
  if (need("sites")) {
    if (!isObject(s.sites)) problems.push("\u201csites\u201d must be an object like {\"x\": true, \"facebook\": true, \"linkedin\": true}.");
    else
      for (const site of ["x", "facebook", "linkedin"])
        if (site in s.sites && typeof s.sites[site] !== "boolean") problems.push(`\u201csites.${site}\u201d must be true or false, not ${show(s.sites[site])}.`);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, settings: { ...parseSettings(s), pausedUntil: current.pausedUntil } };
}

function stringListProblems(s: Record<string, unknown>, key: string, limit: number, maxLen: number, problems: string[]) {
  if (!(key in s)) {
    problems.push(`\u201c${key}\u201d is missing.`);
    return;
  }
  const v = s[key];
  if (!Array.isArray(v)) {
    problems.push(`\u201c${key}\u201d must be a list of text.`);
    return;
  }
  if (v.length > limit) {
    // One line for the count: a list far over the limit is not worth reading entry by entry.
    problems.push(`\u201c${key}\u201d has ${v.length} entries; the most SafePost keeps is ${limit}.`);
    return;
  }
  const bad = v.find((x) => typeof x !== "string" || x.length > maxLen);
  if (bad !== undefined) problems.push(`\u201c${key}\u201d has an entry that is not short text: ${show(bad)}.`);
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "string" ? "text" : `a ${typeof v}`;
}
