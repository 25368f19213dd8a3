// DEVELOPMENT ONLY. Writes a stand-in for the WebAssembly core into pkg/ (safepost.js +
// safepost_bg.wasm) with the same exports as the lead's wasm-bindgen build, so the extension
// can be built and tested before the real core lands. The .wasm is a real (empty) module, so
// the page-CSP behaviour of WebAssembly compilation is genuine; the rules are a few regexes.
// Refuses to overwrite a real build unless --force. ./build.sh never runs this.
import { existsSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "pkg");
const glue = join(pkg, "safepost.js");
if (existsSync(glue) && !readFileSync(glue, "utf8").includes("SAFEPOST-DEV-STUB") && !process.argv.includes("--force")) {
  console.log("pkg/ holds a real core build; leaving it alone");
  process.exit(0);
}
mkdirSync(pkg, { recursive: true });
writeFileSync(join(pkg, "safepost_bg.wasm"), Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
writeFileSync(
  glue,
  `// SAFEPOST-DEV-STUB: stand-in for the wasm-bindgen glue (see scripts/dev-core-stub.mjs).
let ready = false;
async function toModule(m) {
  if (m instanceof WebAssembly.Module) return m;
  return WebAssembly.compile(m);
}
export default async function init(opts) {
  const m = await toModule(opts.module_or_path);
  await WebAssembly.instantiate(m, {});
  ready = true;
}
export function initSync(opts) {
  const m = opts.module instanceof WebAssembly.Module ? opts.module : new WebAssembly.Module(opts.module);
  new WebAssembly.Instance(m, {});
  ready = true;
}
export function coreVersion() { return "0.0.0-dev-stub"; }
const norm = (s) => s.normalize("NFKC").toLowerCase().replace(/\\s+/g, " ").trim();
export function phraseHash(salt, phrase) {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (const ch of salt + "\\u0000" + norm(phrase)) {
    const c = ch.codePointAt(0);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 2246822519) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}
const G = { source: "GMC", title: "Using social media as a medical professional (2024)", section: "para 20" };
const SEV = ["low", "medium", "high", "critical"];
function nhsValid(d) {
  if (/^(\\d)\\1{9}$/.test(d)) return false;
  let s = 0; for (let i = 0; i < 9; i++) s += Number(d[i]) * (10 - i);
  let c = 11 - (s % 11); if (c === 11) c = 0; if (c === 10) return false;
  return c === Number(d[9]);
}
const RULES = [
  { rule: "patient-name-title", category: "patient-identifier", severity: "critical", re: /\\b(?:Mr|Mrs|Ms|Miss)\\.? [A-Z][a-z]+\\b/g,
    message: "A patient's name identifies them.", suggestion: "a patient" },
  { rule: "bed-ward", category: "patient-identifier", severity: "critical", re: /\\bbed \\d{1,3}\\b/gi,
    message: "A bed number points to one patient.", suggestion: "the ward" },
  { rule: "nhs-number", category: "patient-identifier", severity: "critical", re: /\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b/g,
    check: (t) => nhsValid(t.replace(/\\D/g, "")), message: "An NHS number identifies a patient.", suggestion: "[number removed]" },
  { rule: "frequent-flyer", category: "derogatory-patient", severity: "high", re: /\\bfrequent flyers?\\b/gi,
    message: "Labels like this demean patients." },
];
export class Checker {
  constructor(config) {
    if (!ready) throw new Error("core not initialised");
    if (!config || typeof config.profession !== "string") throw new Error("config.profession must be a string");
    this.c = config;
  }
  check(text, _options) {
    const c = this.c, out = [];
    const ignored = new Set(c.ignoredHashes || []);
    const min = SEV.indexOf(c.minSeverity || "low");
    for (const r of RULES) {
      if ((c.disabledRules || []).includes(r.rule)) continue;
      if (c.enabledCategories && !c.enabledCategories.includes(r.category)) continue;
      if (SEV.indexOf(r.severity) < min) continue;
      for (const m of text.matchAll(r.re)) {
        if (r.check && !r.check(m[0])) continue;
        if (c.ignoreSalt && ignored.has(phraseHash(c.ignoreSalt, m[0]))) continue;
        const f = { rule: r.rule, category: r.category, severity: r.severity, start: m.index, end: m.index + m[0].length,
          text: m[0], message: r.message, guidance: [G] };
        if (r.suggestion) f.suggestion = r.suggestion;
        out.push(f);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
  free() {}
}
`,
);
console.log("dev stub core written to pkg/");
