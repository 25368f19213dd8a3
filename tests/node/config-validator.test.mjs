// One validator for settings (issue 13, item 4): the core's (src/config.rs, Config::problems).
// The same cases go to every side that judges settings: the wasm export configProblems that the
// options page and the settings import call, the wasm Checker the content script builds, the
// native CLI's --config, and the import parser itself (extension/options/import.ts, bundled
// here). They must agree on every case, so the options page can never save settings that the
// checker then refuses (which on a372e10 left the page with no checker at all).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = new URL("../../", import.meta.url).pathname;
const wasm = await import(`${root}pkg/safepost.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/safepost_bg.wasm`) });
const bin = process.env.SAFEPOST_BIN ?? `${root}target/debug/safepost`;
const tmp = mkdtempSync(join(tmpdir(), "safepost-validator-"));

// The import parser, as the options page runs it.
const bundle = join(tmp, "import.mjs");
await esbuild.build({ entryPoints: [join(root, "extension/options/import.ts")], bundle: true, format: "esm", outfile: bundle, logLevel: "warning" });
const { parseImport } = await import(pathToFileURL(bundle).href);

/** [workplace terms, accepted?] */
const CASES = [
  [["St Elsewhere Hospital"], true],
  [["Ward 7B", "A&E"], true],
  [["  padded  "], true],
  [["Ré"], true],
  [["x".repeat(100)], true],
  [[], true],
  [["B"], false],
  [["7"], false],
  [["12"], false],
  [["--"], false],
  [["Ward 7", "9"], false],
  [["x".repeat(101)], false],
  [["\u00e9"], false],
  [Array.from({ length: 201 }, (_, i) => `Ward ${i}`), false],
  [Array.from({ length: 200 }, (_, i) => `Ward ${i}`), true],
];

const defaults = { version: 1, profession: "other", disabledCategories: [], disabledRules: [], guardThreshold: "high", workplaceTerms: [], sites: { x: true, facebook: true, linkedin: true }, pausedUntil: 0 };

function cliAccepts(terms) {
  const file = join(tmp, "config.json");
  writeFileSync(file, JSON.stringify({ workplaceTerms: terms }));
  try {
    execFileSync(bin, ["check", "--config", file, "--format", "json"], { input: "hello", stdio: ["pipe", "pipe", "pipe"] });
    return true;
  } catch (e) {
    if (e.status === 1) return true; // findings at --fail-on: the config was used
    return false;
  }
}

test("the options page, the import, the wasm checker and the native core accept and refuse the same workplace terms", () => {
  for (const [terms, accepted] of CASES) {
    const what = JSON.stringify(terms).slice(0, 60);
    const problems = wasm.configProblems({ workplaceTerms: terms });
    assert.equal(problems.length === 0, accepted, `configProblems ${what}: ${problems}`);
    let built = true;
    try {
      new wasm.Checker({ workplaceTerms: terms }).free();
    } catch {
      built = false;
    }
    assert.equal(built, accepted, `wasm Checker ${what}`);
    assert.equal(cliAccepts(terms), accepted, `CLI --config ${what}`);
    const file = JSON.stringify({ app: "safepost", kind: "settings", version: 1, settings: { ...defaults, workplaceTerms: terms } });
    const imported = parseImport(file, defaults, (s) => wasm.configProblems({ workplaceTerms: s.workplaceTerms }));
    // The import also trims and dedupes (parseSettings); acceptance must still agree.
    assert.equal(imported.ok, accepted, `import ${what}: ${imported.ok ? "" : imported.problems.join(" ")}`);
  }
});

test("problems name the setting and its position, never its value", () => {
  const problems = wasm.configProblems({ workplaceTerms: ["Ward 7", "90210-4417", "Dr Quorblexian", "Q"], ignoredHashes: ["Quorblexian hash"] });
  assert.deepEqual(problems, [
    "workplace term 2 must have 2 to 100 characters and a letter",
    "workplace term 4 must have 2 to 100 characters and a letter",
    "ignored phrase hash 1 is not 16 hexadecimal digits",
  ]);
  for (const text of [...problems, errorOf({ workplaceTerms: ["90210-4417"] }), errorOf({ profession: "Quorblexian" })]) {
    assert.ok(!/90210|Quorblexian/.test(text), text);
  }
});

function errorOf(config) {
  try {
    new wasm.Checker(config);
  } catch (e) {
    return e.message;
  }
  return "";
}
