// Human-readable names for category and severity ids (the ids themselves are stable API).
import type { Category, Finding, Severity } from "../shared/types";
import { SEVERITIES, severityRank } from "../shared/types";

export const CATEGORY_LABELS: Record<Category, string> = {
  "patient-identifier": "Patient identifier",
  "clinical-encounter": "Identifiable encounter",
  "patient-image": "Patient image",
  "derogatory-patient": "Derogatory about patients",
  discrimination: "Discrimination",
  "offensive-language": "Offensive language",
  boundaries: "Professional boundaries",
  "individual-advice": "Individual advice",
  "workplace-dispute": "Workplace dispute",
  defamation: "Possible defamation",
  "legal-proceedings": "Legal proceedings",
  "health-claims": "Health claims",
  "undisclosed-interest": "Undisclosed interest",
  misinformation: "Misinformation",
  impairment: "Impairment",
  "personal-security": "Personal security",
  copyright: "Copyright",
  "heated-tone": "Heated tone",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: "#c5221f",
  high: "#d93025",
  medium: "#b06000",
  low: "#1a73e8",
};

export function categoryLabel(c: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[c] ?? c;
}

export function worstSeverity(findings: Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (!worst || severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  return worst;
}

export function countBySeverity(findings: Array<Pick<Finding, "severity">>): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}
