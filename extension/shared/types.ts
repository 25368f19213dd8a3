// Types shared by every part of the extension. They mirror the Rust core's JSON contract
// (DESIGN.md "Contracts"): offsets are UTF-16 code units, i.e. JavaScript string indices.

export const CATEGORIES = [
  "patient-identifier",
  "clinical-encounter",
  "patient-image",
  "derogatory-patient",
  "discrimination",
  "offensive-language",
  "boundaries",
  "individual-advice",
  "workplace-dispute",
  "defamation",
  "legal-proceedings",
  "health-claims",
  "undisclosed-interest",
  "misinformation",
  "impairment",
  "personal-security",
  "copyright",
  "heated-tone",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe; used to compare against thresholds. */
export function severityRank(s: Severity): number {
  return 3 - SEVERITIES.indexOf(s);
}

export const PROFESSIONS = [
  "doctor",
  "nurse-midwife",
  "hcpc",
  "pharmacist",
  "dental",
  "osteopath",
  "us-clinician",
  "au-clinician",
  "other",
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export interface GuidanceRef {
  source: string;
  title: string;
  section: string;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  message: string;
  guidance: GuidanceRef[];
  suggestion?: string;
}

/** The config object the WebAssembly `Checker` constructor accepts (camelCase keys). */
export interface CoreConfig {
  profession: Profession;
  /** null or absent: every category. */
  enabledCategories?: Category[] | null;
  minSeverity?: Severity;
  workplaceTerms?: string[];
  ignoredHashes?: string[];
  ignoreSalt?: string;
  disabledRules?: string[];
}

export interface CheckOptions {
  /** An image or video is attached to the post being written. */
  mediaAttached?: boolean;
}

export type SiteId = "x" | "facebook" | "linkedin";
