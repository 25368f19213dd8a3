// Every benchmark against DESIGN.md's budgets, as one table (stdout and dist/bench/report.md;
// raw numbers in dist/bench/report.json). Run by `./build.sh bench` after the build.
//   native   criterion: `cargo bench --bench check` (benches/check.rs), medians from
//            target/criterion/**/new/estimates.json
//   wasm     tests/bench/wasm-node.mjs: the same inputs through the WebAssembly core in Node
//   browser  tests/bench/browser.mjs: the built extension in Chromium on the four fixtures
//   size     dist/safepost-<version>.zip and dist/wasm/safepost_bg.wasm
// Environment: SAFEPOST_BENCH_QUICK=1 for a fast, rougher run (criterion --quick, fewer
// keystrokes); SAFEPOST_BENCH_ONLY=native,wasm,browser,size to run a subset (the native
// table then uses criterion's last results if there are any).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { INPUTS, QUICK, REPO, log } from './common.mjs';
import { run as runWasm } from './wasm-node.mjs';
import { run as runBrowser } from './browser.mjs';

const ONLY = process.env.SAFEPOST_BENCH_ONLY ? process.env.SAFEPOST_BENCH_ONLY.split(',').map((s) => s.trim()) : null;
const want = (k) => !ONLY || ONLY.includes(k);

// --- budgets (DESIGN.md "Budgets") -------------------------------------------------------------
const NATIVE_BUDGET_US = { 280: 25, 3000: 200, 63206: 4000 }; // rules and model together
const WASM_RATIO = 2;
const FRAME_MS = 16;
const LONG_TASK_MS = 50;
const STARTUP_MS = 50;
const ZIP_BYTES = 1_000_000;
const WASM_BYTES = 1_500_000; // the model is inside the wasm
/** "Cost linear in length": per-character cost at 63,206 chars within 1.5x of that at 3,000. */
const LINEAR_SLACK = 1.5;
/** "No growth in the JS heap": SafePost may add at most this much over the editor's own growth. */
const HEAP_SLACK = 1024 * 1024;

const verdict = (ok) => (ok === null || ok === undefined ? '–' : ok ? 'PASS' : 'MISS');
const us = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(v < 10 ? 2 : 1)} µs`);
const ms = (v) => `${v.toFixed(1)} ms`;
const mib = (b) => `${(b / 1048576).toFixed(2)} MiB`;
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const chars = (n) => n.toLocaleString('en-GB');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// --- native -----------------------------------------------------------------------------------
function runNative() {
  const args = ['bench', '--bench', 'check', '--', ...(QUICK ? ['--quick'] : [])];
  log(`==> cargo ${args.join(' ')}`);
  // Criterion's report goes to stderr with ours; stdout stays for the table.
  const r = spawnSync('cargo', args, { cwd: REPO, stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status !== 0) throw new Error(`cargo bench failed (exit ${r.status})`);
}

/** Criterion's median estimate (µs) per benchmark id, e.g. "check/risky/280", "checker_new". */
function readCriterion() {
  const root = join(REPO, 'target', 'criterion');
  const out = {};
  const walk = (dir, id) => {
    if (!existsSync(dir)) return;
    const est = join(dir, 'new', 'estimates.json');
    if (existsSync(est)) {
      const e = JSON.parse(readFileSync(est, 'utf8'));
      out[id] = { us: e.median.point_estimate / 1000, mean: e.mean.point_estimate / 1000, at: statSync(est).mtime };
    }
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory() && d.name !== 'new' && d.name !== 'base' && d.name !== 'change' && d.name !== 'report') walk(join(dir, d.name), id ? `${id}/${d.name}` : d.name);
    }
  };
  walk(root, '');
  return out;
}

// --- report -----------------------------------------------------------------------------------
function report({ native, wasm, browser, sizes, started }) {
  const md = [];
  const head = (t) => md.push('', `### ${t}`, '');
  md.push(`## SafePost benchmarks against DESIGN.md's budgets`, '');
  md.push(`${started.toISOString()} · ${cpus().length} × ${cpus()[0]?.model.trim() || 'CPU'} · Node ${process.version}${QUICK ? ' · **quick run (SAFEPOST_BENCH_QUICK=1): rough numbers**' : ''}`);
  md.push('', 'Inputs: benches/inputs.json ("risky" and "safe" base texts repeated and cut to N characters), the same for every layer.');

  if (native) {
    head('Core, native (criterion, median per call)');
    const rows = [];
    for (const n of INPUTS.lengths) {
      for (const b of INPUTS.bases) {
        const e = native[`check/${b.name}/${n}`];
        const budget = NATIVE_BUDGET_US[n];
        rows.push([`check ${b.name}, ${chars(n)} chars`, e ? us(e.us) : 'not run', budget ? `< ${us(budget)}` : '–', e && budget ? verdict(e.us < budget) : '–']);
      }
    }
    for (const b of INPUTS.bases) {
      const a = native[`check/${b.name}/3000`], z = native[`check/${b.name}/63206`];
      if (a && z) {
        const ratio = (z.us / 63206) / (a.us / 3000);
        rows.push([`linear in length (${b.name}): cost per char at 63,206 ÷ at 3,000`, `${ratio.toFixed(2)}×`, `≤ ${LINEAR_SLACK}×`, verdict(ratio <= LINEAR_SLACK)]);
      }
    }
    // Adversarial inputs (benches/check.rs "growth"): per-char cost at 64k ÷ at 16k.
    const units = [...new Set(Object.keys(native).filter((k) => k.startsWith('growth/')).map((k) => k.split('/')[1]))];
    for (const u of units) {
      const a = native[`growth/${u}/16000`], z = native[`growth/${u}/64000`];
      if (a && z) {
        const ratio = z.us / 64000 / (a.us / 16000);
        rows.push([`adversarial "${u}": 64k in ${us(z.us)}, cost per char ÷ at 16k`, `${ratio.toFixed(2)}×`, `≤ ${LINEAR_SLACK}×`, verdict(ratio <= LINEAR_SLACK)]);
      }
    }
    const cn = native['checker_new'];
    if (cn) rows.push(['Checker::new (default config)', us(cn.us), '–', '–']);
    md.push(table(['benchmark', 'native', 'budget', 'result'], rows));
  }

  if (wasm) {
    head(`Core in WebAssembly (Node ${wasm.node}, median per call, findings returned as JS objects)`);
    const rows = wasm.results.map((r) => {
      const n = native?.[r.id];
      const ratio = n ? r.us / n.us : null;
      const label = r.id === 'checker_new' ? 'Checker::new' : `check ${r.kind}, ${chars(r.chars)} chars`;
      return [label, us(r.us), n ? us(n.us) : '–', ratio ? `${ratio.toFixed(2)}×` : '–', `≤ ${WASM_RATIO}× native`, ratio ? verdict(ratio <= WASM_RATIO) : '–'];
    });
    md.push(table(['benchmark', 'wasm', 'native', 'ratio', 'budget', 'result'], rows));
  }

  if (browser) {
    const fx = browser.fixtures;
    const where = (f) => (f.path ? ` (${f.path === 'page' ? 'checks in the page' : 'checks in the service worker'})` : '');
    if (fx.some((f) => f.latency)) {
      head(`Chromium: keystroke → underline painted (${browser.keystrokes} keystrokes: a letter, Backspace, …)`);
      const rows = [];
      for (const f of fx) {
        for (const n of Object.keys(f.latency || {})) {
          const l = f.latency[n];
          rows.push([`${f.name}${where(f)}, ${chars(Number(n))} chars`, ms(l.p50), ms(l.p95), ms(l.max), `p95 < ${FRAME_MS} ms`, verdict(l.p95 < FRAME_MS)]);
        }
      }
      md.push(table(['editor', 'p50', 'p95', 'max', 'budget', 'result'], rows));
    }
    if (fx.some((f) => f.paste)) {
      head(`Chromium: pasting ${chars(63206)} chars, longest task (PerformanceObserver "longtask")`);
      const rows = fx.filter((f) => f.paste).map((f) => [
        `${f.name}${where(f)}`, ms(f.paste.longest), f.pasteBaseline ? ms(f.pasteBaseline.longest) : '–',
        f.paste.toPaintedMs !== null ? ms(f.paste.toPaintedMs) : '–', f.paste.how, `< ${LONG_TASK_MS} ms`, verdict(f.paste.longest < LONG_TASK_MS),
      ]);
      md.push(table(['editor', 'longest task', 'same, without SafePost', 'paste → underlined', 'pasted by', 'budget', 'result'], rows));
      md.push('', 'A task shorter than 50 ms is not reported by the browser: 0 means no long task at all. With checks in the service worker the check itself never blocks the page.');
    }
    if (fx.some((f) => f.megabyte)) {
      head('Chromium: pasting 1 MB, longest task and SafePost\'s own longest stretch of work');
      const rows = fx.filter((f) => f.megabyte).map((f) => [
        `${f.name}${where(f)}`, ms(f.megabyte.longest), f.megabyteBaseline ? ms(f.megabyteBaseline.longest) : '–',
        ms(f.megabyte.safepost.longestMs), `SafePost < ${LONG_TASK_MS} ms`, verdict(f.megabyte.safepost.longestMs < LONG_TASK_MS),
      ]);
      md.push(table(['editor', 'longest task', 'same, without SafePost', "SafePost's longest work", 'budget', 'result'], rows));
      md.push('', 'Only the first 65,536 characters are checked (extension/shared/limits.ts); the summary says so.');
    }
    if (fx.some((f) => f.startup)) {
      head('Chromium: editor appearing → first check painted (median of runs)');
      const rows = fx.filter((f) => f.startup).map((f) => [
        `${f.name}${where(f)}`, f.appears, ms(f.startup.median), f.startup.values.map((v) => v.toFixed(1)).join(', '), `< ${STARTUP_MS} ms`, verdict(f.startup.median < STARTUP_MS),
      ]);
      md.push(table(['editor', 'editor appears', 'median', 'runs (ms)', 'budget', 'result'], rows));
      md.push('', '"at load": the editor exists before the content script is injected (document_idle), so the time includes injection, loading settings and compiling the WebAssembly.');
    }
    if (fx.some((f) => f.longtasks)) {
      head('Chromium: long tasks from page load through the first keystrokes (worst of runs)');
      const rows = fx.filter((f) => f.longtasks).map((f) => {
        const base = f.longtasksBaseline;
        // SafePost's share: its own longest piece of work (trace), and any long task beyond the
        // longest one the page has without SafePost.
        const ok = f.longtasks.safepostLongest < LONG_TASK_MS;
        return [`${f.name}${where(f)}`, ms(f.longtasks.longest), base ? ms(base.longest) : '–', `${f.longtasks.over50}`, base ? `${base.over50}` : '–',
          ms(f.longtasks.safepostLongest), `SafePost < ${LONG_TASK_MS} ms`, verdict(ok)];
      });
      md.push(table(['editor', 'longest task', 'without SafePost', 'tasks > 50 ms', 'without SafePost', "SafePost's longest work", 'budget', 'result'], rows));
      md.push('', 'The page loads, the composer opens and 40 characters of a risky post are typed one key at a time (30 ms apart), then two quiet seconds. SafePost compiles the core in idle slices after start-up (warmUpStep), so no keystroke pays for compiling.');
    }
    if (fx.some((f) => f.heap)) {
      head(`Chromium: JS heap after forced GC, before and after ${chars(browser.heapKeystrokes)} keystrokes`);
      const rows = fx.filter((f) => f.heap).map((f) => {
        const base = f.heapBaseline ? f.heapBaseline.growth : 0;
        const extra = f.heap.growth - base;
        return [`${f.name}${where(f)}`, mib(f.heap.before), mib(f.heap.after), mib(f.heap.growth), f.heapBaseline ? mib(base) : '–',
          `${f.heap.repaints}`, `SafePost adds < ${mib(HEAP_SLACK)}`, verdict(extra < HEAP_SLACK && f.heap.intact)];
      });
      md.push(table(['editor', 'before', 'after', 'growth', 'growth without SafePost', 'repaints', 'budget', 'result'], rows));
      md.push('', 'Keystrokes: a letter (CDP Input.insertText) and Backspace (CDP Input.dispatchKeyEvent), pipelined in batches of 10 with one animation frame after each batch, after 200 warm-up keystrokes. Heap: CDP HeapProfiler.collectGarbage three times, then Runtime.getHeapUsage (the page\'s whole V8 heap: the page, the editor and the content script). "repaints": frames that showed new underline ranges.');
    }
  }

  if (sizes) {
    head('Package');
    md.push(table(['artefact', 'size', 'budget', 'result'], [
      [sizes.zipName, kib(sizes.zip), `< ${kib(ZIP_BYTES)}`, verdict(sizes.zip < ZIP_BYTES)],
      ['dist/wasm/safepost_bg.wasm (after wasm-opt)', kib(sizes.wasm), `< ${kib(WASM_BYTES)}`, verdict(sizes.wasm < WASM_BYTES)],
    ]));
  }
  return md.join('\n') + '\n';
}

function readSizes() {
  const dist = join(REPO, 'dist');
  const zipName = existsSync(dist) ? readdirSync(dist).find((f) => /^safepost-.*\.zip$/.test(f)) : null;
  const wasm = join(dist, 'wasm', 'safepost_bg.wasm');
  if (!zipName || !existsSync(wasm)) return null;
  return { zipName: `dist/${zipName}`, zip: statSync(join(dist, zipName)).size, wasm: statSync(wasm).size };
}

const started = new Date();
const results = { started };
if (want('native')) runNative();
results.native = readCriterion();
if (!Object.keys(results.native).length) results.native = null;
if (want('wasm')) { log('==> WebAssembly core in Node'); results.wasm = await runWasm(); }
if (want('browser')) { log('==> Chromium with the extension'); results.browser = await runBrowser(); }
if (want('size')) results.sizes = readSizes();
const md = report(results);
mkdirSync(join(REPO, 'dist', 'bench'), { recursive: true });
writeFileSync(join(REPO, 'dist', 'bench', 'report.md'), md);
writeFileSync(join(REPO, 'dist', 'bench', 'report.json'), JSON.stringify(results, null, 2) + '\n');
console.log(md);
log('written: dist/bench/report.md, dist/bench/report.json');
