// The WebAssembly build, loaded in Node exactly as the extension loads it (the web target's
// initSync with the wasm bytes), must give the same findings as the native CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const root = new URL("../../", import.meta.url).pathname;
const wasm = await import(`${root}pkg/safepost.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/safepost_bg.wasm`) });
const bin = process.env.SAFEPOST_BIN ?? `${root}target/debug/safepost`;

function cli(text, args = []) {
  try {
    return JSON.parse(execFileSync(bin, ["check", "--format", "json", ...args], { input: text }).toString()).findings;
  } catch (e) {
    // Exit code 1 means "found something at or above --fail-on": still valid output.
    if (e.status === 1) return JSON.parse(e.stdout.toString()).findings;
    throw e;
  }
}

const samples = [
  "RIP Mr Khan in bed 12, NHS no 943 476 5919",
  "NHS no 943 476 5919, anyone recognise this rash?",
  "🙂🙂 emoji first: patient lives at LS6 2AB 🏠 and DOB 12/03/1987",
  "Right-to-left: المريض في السرير 4 — Mr Khan in bed 4 died",
  "My patient education leaflet on inhalers is live - feedback welcome",
  "",
];

test("wasm and CLI give identical findings", () => {
  const checker = new wasm.Checker({ profession: "doctor" });
  for (const text of samples) {
    assert.deepEqual(checker.check(text), cli(text, ["--profession", "doctor"]), text);
  }
  checker.free();
});

test("offsets are UTF-16 indices: slicing the JS string gives the finding's text", () => {
  const checker = new wasm.Checker();
  for (const text of samples) {
    for (const f of checker.check(text)) {
      assert.equal(text.slice(f.start, f.end), f.text);
    }
  }
});

test("the NHS number with a valid check digit is critical; a bad check digit is not flagged", () => {
  const checker = new wasm.Checker({});
  const found = checker.check("NHS no 943 476 5919");
  assert.ok(found.some((f) => f.rule === "nhs-number" && f.severity === "critical" && f.text === "943 476 5919"));
  assert.deepEqual(checker.check("401 023 2138").filter((f) => f.rule === "nhs-number"), []);
});

test("bad configuration is a JavaScript error with a clear message", () => {
  assert.throws(() => new wasm.Checker({ profession: "astronaut" }), /unknown profession/);
  assert.throws(() => new wasm.Checker({ ignoredHashes: ["zz"] }), /16 hexadecimal/);
  assert.throws(() => new wasm.Checker({ minSeverity: 3 }), /invalid SafePost configuration/);
});

test("guidance follows the profession", () => {
  const nurse = new wasm.Checker({ profession: "nurse-midwife" }).check("NHS no 943 476 5919");
  assert.equal(nurse[0].guidance[0].source, "NMC");
  const doctor = new wasm.Checker({ profession: "doctor" }).check("NHS no 943 476 5919");
  assert.equal(doctor[0].guidance[0].source, "GMC");
});

test("ignored phrases use the same hash as the core", () => {
  const salt = "0123456789abcdef0123456789abcdef";
  const hash = wasm.phraseHash(salt, "943 476 5919");
  assert.match(hash, /^[0-9a-f]{16}$/);
  const checker = new wasm.Checker({ ignoreSalt: salt, ignoredHashes: [hash] });
  assert.deepEqual(checker.check("NHS no 943 476 5919").filter((f) => f.rule === "nhs-number"), []);
});

test("a megabyte of text, lone surrogates and NUL do not throw", () => {
  const checker = new wasm.Checker();
  const big = "Night shift done ☕ Mr Khan in bed 12. ".repeat(27000);
  assert.ok(big.length > 1_000_000);
  assert.ok(Array.isArray(checker.check(big)));
  assert.ok(Array.isArray(checker.check("\uD800 lone \uDFFF surrogates \u0000 NUL")));
});

test("mediaAttached is accepted and bad options are a clear error", () => {
  const checker = new wasm.Checker();
  assert.ok(Array.isArray(checker.check("look at this", { mediaAttached: true })));
  assert.throws(() => checker.check("x", { mediaAttached: "yes" }), /invalid check options/);
});
