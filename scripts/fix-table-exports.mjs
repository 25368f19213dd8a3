// Repairs the table exports that Debian's wasm-opt (binaryen 108) gets wrong, and proves the result.
//
// wasm-bindgen (reference types on, the default since Rust 1.82) emits two tables: the function
// table (funcref) and `__wbindgen_externrefs` (externref), exported as table 1. binaryen 108 reads
// every table export as table 0, so after any wasm-opt run `__wbindgen_externrefs` names the
// funcref table and the glue's first `table.set` throws ("function-typed object must be null ...
// or a Wasm function object" in V8, "can only pass WebAssembly exported functions to funcref" in
// Firefox): the core never loads, in the page or in the background.
//
// usage: node scripts/fix-table-exports.mjs <module before wasm-opt> <module after wasm-opt>
// Rewrites the second file in place when a table export points at a table of another element type
// than before, then instantiates it with stub imports and checks each exported table's type and
// size against the input module. Exits non-zero if the module is still wrong.
import { readFileSync, writeFileSync } from 'node:fs';

function leb(b, i) {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return [r, i];
}
function skipLimits(b, i) {
  const flags = b[i++];
  [, i] = leb(b, i);
  if (flags & 1) [, i] = leb(b, i);
  return i;
}
function skipRefType(b, i) {
  // funcref 0x70 / externref 0x6f (and the other short forms); (ref null? ht) is 0x63/0x64 + heap type.
  const t = b[i++];
  if (t === 0x63 || t === 0x64) [, i] = leb(b, i);
  return [t === 0x63 || t === 0x64 ? `${t}:${b[i - 1]}` : String(t), i];
}

/** Tables (element type, initial size) and table exports ({name, index, at, len}) of a module. */
function tablesOf(b) {
  if (b.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const tables = [];
  const exports = [];
  let i = 8;
  while (i < b.length) {
    const id = b[i++];
    let size;
    [size, i] = leb(b, i);
    const end = i + size;
    let j = i, n;
    if (id === 2) { // imports: imported tables come first in the index space
      [n, j] = leb(b, j);
      for (let k = 0; k < n; k++) {
        let l;
        [l, j] = leb(b, j); j += l;
        [l, j] = leb(b, j); j += l;
        const kind = b[j++];
        if (kind === 0) [, j] = leb(b, j);
        else if (kind === 1) { let t; [t, j] = skipRefType(b, j); const [min] = leb(b, j + 1); tables.push({ type: t, min }); j = skipLimits(b, j); }
        else if (kind === 2) j = skipLimits(b, j);
        else if (kind === 3) { [, j] = skipRefType(b, j); j += 1; }
        else if (kind === 4) { j += 1; [, j] = leb(b, j); }
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 4) {
      [n, j] = leb(b, j);
      for (let k = 0; k < n; k++) {
        if (b[j] === 0x40) throw new Error('tables with initialisers are not handled');
        let t;
        [t, j] = skipRefType(b, j);
        const [min] = leb(b, j + 1);
        tables.push({ type: t, min });
        j = skipLimits(b, j);
      }
    } else if (id === 7) {
      [n, j] = leb(b, j);
      for (let k = 0; k < n; k++) {
        let l;
        [l, j] = leb(b, j);
        const name = b.subarray(j, j + l).toString('utf8');
        j += l;
        const kind = b[j++];
        const at = j;
        let index;
        [index, j] = leb(b, j);
        if (kind === 1) exports.push({ name, index, at, len: j - at });
      }
    }
    i = end;
  }
  return { tables, exports };
}

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node scripts/fix-table-exports.mjs <before.wasm> <after.wasm>');
  process.exit(2);
}
const src = tablesOf(readFileSync(before));
const out = readFileSync(after);
const dst = tablesOf(out);
let fixed = 0;
for (const e of dst.exports) {
  const want = src.exports.find((x) => x.name === e.name);
  if (!want) continue;
  const wantType = src.tables[want.index].type;
  if (dst.tables[e.index]?.type === wantType) continue;
  const candidates = dst.tables.map((t, k) => (t.type === wantType ? k : -1)).filter((k) => k >= 0);
  if (candidates.length !== 1) throw new Error(`table export ${e.name}: ${candidates.length} tables of its type after wasm-opt`);
  const k = candidates[0];
  if (k > 0x7f || e.len !== 1) throw new Error(`table export ${e.name}: index encoding not handled`);
  out[e.at] = k;
  console.log(`fix-table-exports: ${e.name} pointed at table ${e.index} (type ${dst.tables[e.index]?.type}); now table ${k}`);
  fixed++;
}
if (fixed) writeFileSync(after, out);

// Prove it: instantiate with stub imports and compare every exported table with the input's.
const module = new WebAssembly.Module(out);
const imports = {};
for (const imp of WebAssembly.Module.imports(module)) {
  if (imp.kind !== 'function') throw new Error(`import ${imp.module}.${imp.name}: only function imports are stubbed`);
  (imports[imp.module] ??= {})[imp.name] = () => {};
}
const instance = new WebAssembly.Instance(module, imports);
for (const e of src.exports) {
  const table = instance.exports[e.name];
  const t = src.tables[e.index];
  if (!(table instanceof WebAssembly.Table)) throw new Error(`table export ${e.name} missing after wasm-opt`);
  if (t.type === '111') table.set(0, {}); // externref takes any value; a funcref table throws here
  if (table.length < t.min) throw new Error(`table export ${e.name}: ${table.length} entries, expected at least ${t.min}`);
}
console.log(`fix-table-exports: ${src.exports.length} table export(s) checked${fixed ? `, ${fixed} repaired` : ''}`);
