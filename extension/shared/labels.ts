// Human words for the ids in types.ts, shared by the guard dialog, the popup, the options and
// welcome pages, so that one category or profession is called the same thing everywhere.
// Descriptions paraphrase RULEBOOK.md's category table in one line each.
import type { Category, Profession, Severity, SiteId } from "./types";

export const PROFESSION_LABELS: Record<Profession, string> = {
  doctor: "Doctor (GMC)",
  "nurse-midwife": "Nurse, midwife or nursing associate (NMC)",
  hcpc: "Allied health professional, paramedic or other HCPC registrant",
  pharmacist: "Pharmacist or pharmacy technician (GPhC)",
  dental: "Dentist or dental care professional (GDC)",
  osteopath: "Osteopath (GOsC)",
  "us-clinician": "Clinician in the United States (HIPAA, AMA)",
  "au-clinician": "Clinician in Australia (AHPRA)",
  other: "Other or prefer not to say",
};

export interface CategoryInfo {
  label: string;
  description: string;
}

export const CATEGORY_INFO: Record<Category, CategoryInfo> = {
  "patient-identifier": {
    label: "Patient identifiers",
    description: "Names, initials, NHS or hospital numbers, dates of birth, addresses, bed and ward.",
  },
  "clinical-encounter": {
    label: "Identifiable cases",
    description: "Details of one encounter (age, place, time, condition) that together can identify a patient.",
  },
  "patient-image": {
    label: "Patient images",
    description: "Photos, videos, x-rays, scans or screenshots of patients or their records; selfies with patients.",
  },
  "derogatory-patient": {
    label: "Mocking patients",
    description: "Labels such as \u201cfrequent flyer\u201d, \u201cbed blocker\u201d or \u201cheartsink\u201d.",
  },
  discrimination: {
    label: "Discrimination",
    description: "Demeaning people for race, religion, sex, gender identity, disability or nationality.",
  },
  "offensive-language": {
    label: "Offensive language",
    description: "Profanity, obscenity, sexual content and abuse.",
  },
  boundaries: {
    label: "Professional boundaries",
    description: "Inviting patients to private contact, befriending or flirting, treating through DMs.",
  },
  "individual-advice": {
    label: "Advice to one person",
    description: "Diagnosing or changing someone\u2019s treatment online.",
  },
  "workplace-dispute": {
    label: "Workplace disputes",
    description: "Attacking colleagues, managers, your employer or a ward in public.",
  },
  defamation: {
    label: "Defamation",
    description: "Stating as fact that an identifiable person or organisation is negligent, dishonest or criminal.",
  },
  "legal-proceedings": {
    label: "Court cases",
    description: "Commenting on guilt in a live case or identifying people a court protects.",
  },
  "health-claims": {
    label: "Health advertising",
    description: "Promised cures or guarantees, \u201cno side effects\u201d, prices for prescription-only medicines.",
  },
  "undisclosed-interest": {
    label: "Undisclosed promotion",
    description: "Discount codes or affiliate links without #ad; overstated credentials.",
  },
  misinformation: {
    label: "Health misinformation",
    description: "False health claims, especially made with professional authority.",
  },
  impairment: {
    label: "Impairment at work",
    description: "Drunk, hungover or high at or before work; sleeping on shift; drink-driving.",
  },
  "personal-security": {
    label: "Your own security",
    description: "Oversharing your location, rota, home address, door codes or ID badge.",
  },
  copyright: {
    label: "Copyright and leaks",
    description: "Paywalled papers, internal memos, exam questions, others\u2019 images.",
  },
  "heated-tone": {
    label: "Posting in anger",
    description: "All-caps rants, \u201chow dare you\u201d, threats, angry replies to reviews.",
  },
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const SITE_LABELS: Record<SiteId, string> = {
  x: "X",
  facebook: "Facebook",
  linkedin: "LinkedIn",
};

/**
 * Which of our sites a URL belongs to, or null. The popup uses it on the active tab's URL,
 * which Chrome only reveals for sites we have host permission for: exactly these.
 */
export function siteFromUrl(url: string | undefined | null): SiteId | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return null;
  const host = u.hostname.toLowerCase();
  const is = (domain: string) => host === domain || host.endsWith("." + domain);
  if (is("x.com") || is("twitter.com")) return "x";
  if (is("facebook.com")) return "facebook";
  if (is("linkedin.com")) return "linkedin";
  return null;
}
