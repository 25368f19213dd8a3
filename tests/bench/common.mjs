// Shared by the benchmarks: the inputs of benches/inputs.json (the criterion bench reads the
// same file), and the few statistics they report.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const INPUTS = JSON.parse(readFileSync(join(REPO, 'benches', 'inputs.json'), 'utf8'));

/** SAFEPOST_BENCH_QUICK=1: fewer iterations everywhere (a smoke run, numbers are rougher). */
export const QUICK = /^(1|true|yes)$/i.test(process.env.SAFEPOST_BENCH_QUICK || '');

/** The base text with this name ("risky" or "safe"). */
export function base(name) {
  const b = INPUTS.bases.find((x) => x.name === name);
  if (!b) throw new Error(`benches/inputs.json has no base "${name}"`);
  return b.text;
}

/** `text` repeated and cut to exactly `chars` characters (Unicode scalar values), as in Rust. */
export function post(text, chars) {
  const cps = Array.from(text);
  const out = [];
  for (let i = 0; i < chars; i++) out.push(cps[i % cps.length]);
  return out.join('');
}

/** The p-th quantile (0..1) of a list of numbers, nearest rank. */
export function quantile(values, p) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

export const median = (values) => quantile(values, 0.5);

/** Progress goes to stderr so that stdout carries only the report. */
export const log = (...args) => console.error(...args);
