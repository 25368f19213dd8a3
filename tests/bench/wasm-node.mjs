// The WebAssembly core in Node (the same pkg/ module and optimised .wasm the extension ships),
// on the inputs of benches/check.rs. Per input: warm-up, then many timed samples of a batch
// of calls; the per-call median is reported (all.mjs divides it by criterion's native median).
// The JavaScript call includes what the extension pays too: passing the string in and the
// findings out as plain JavaScript objects (built by src/wasm.rs).
// Run alone: node tests/bench/wasm-node.mjs   (after ./build.sh)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INPUTS, QUICK, REPO, log, median, post } from './common.mjs';

const now = () => Number(process.hrtime.bigint()) / 1e3; // microseconds

/**
 * Times `fn`: warm-up for `warmMs`, then samples of `batch` calls (batch sized so one sample
 * lasts ~2 ms) until `measureMs` have passed and at least `minSamples` were taken.
 * Returns { median, min, samples } in microseconds per call.
 */
function measure(fn, { warmMs = QUICK ? 100 : 500, measureMs = QUICK ? 300 : 2000, minSamples = QUICK ? 15 : 50 } = {}) {
  let calls = 0;
  const warmEnd = now() + warmMs * 1e3;
  let t = now();
  do { fn(); calls++; } while ((t = now()) < warmEnd);
  const perCall = (warmMs * 1e3) / calls;
  const batch = Math.max(1, Math.round(2000 / perCall));
  const samples = [];
  const end = now() + measureMs * 1e3;
  while (now() < end || samples.length < minSamples) {
    const t0 = now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((now() - t0) / batch);
  }
  return { median: median(samples), min: Math.min(...samples), samples: samples.length, batch };
}

export async function loadCore() {
  const js = join(REPO, 'pkg', 'safepost.js');
  const wasm = existsSync(join(REPO, 'dist', 'wasm', 'safepost_bg.wasm'))
    ? join(REPO, 'dist', 'wasm', 'safepost_bg.wasm')
    : join(REPO, 'pkg', 'safepost_bg.wasm');
  if (!existsSync(js) || !existsSync(wasm)) throw new Error('no pkg/safepost.js: run ./build.sh first');
  const core = await import(pathToFileURL(js).href);
  core.initSync({ module: readFileSync(wasm) });
  return core;
}

/**
 * { results: [{ id: "check/risky/280", kind, chars, us, min, samples, findings }], node }
 * `id` matches criterion's benchmark ids (group/function/parameter).
 */
export async function run() {
  const core = await loadCore();
  // Default config, as Config::default() in the native bench.
  const checker = new core.Checker(undefined);
  const results = [];
  for (const chars of INPUTS.lengths) {
    for (const b of INPUTS.bases) {
      const text = post(b.text, chars);
      const findings = checker.check(text, undefined).length;
      const m = measure(() => checker.check(text, undefined));
      results.push({ id: `check/${b.name}/${chars}`, kind: b.name, chars, us: m.median, min: m.min, samples: m.samples, findings });
      log(`  wasm check ${b.name} ${chars}: median ${m.median.toFixed(2)} us (${m.samples} samples x ${m.batch}, ${findings} findings)`);
    }
  }
  const m = measure(() => new core.Checker(undefined).free());
  results.push({ id: 'checker_new', kind: 'new', chars: 0, us: m.median, min: m.min, samples: m.samples });
  log(`  wasm Checker::new: median ${m.median.toFixed(2)} us`);
  checker.free();
  return { results, node: process.version };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { results } = await run();
  for (const r of results) console.log(`${r.id}\t${r.us.toFixed(2)} us`);
}
