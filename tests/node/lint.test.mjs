// The extension lint (tests/lint-extension.mjs) run as a child process against a temporary
// directory: each forbidden construct alone must fail it, harmless look-alikes must pass.
// Run: node --test tests/node/lint.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LINT = join(REPO, 'tests', 'lint-extension.mjs');

/** Lints a fresh directory holding `files` ({name: source}); returns { status, out }. */
function lint(files) {
  const dir = mkdtempSync(join(tmpdir(), 'safepost-lint-'));
  try {
    for (const [name, src] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), src);
    }
    const r = spawnSync(process.execPath, [LINT, dir], { encoding: 'utf8' });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BAD = {
  'innerHTML property': 'el.innerHTML = text;',
  'innerHTML by bracket': 'el["innerHTML"] = text;',
  'innerHTML by single-quoted bracket': "el['innerHTML'] = text;",
  'innerHTML by template bracket': 'el[`innerHTML`] = text;',
  'innerHTML through Object.assign': 'Object.assign(el, { innerHTML: text });',
  'innerHTML through Reflect.set': 'Reflect.set(el, "innerHTML", text);',
  'outerHTML by bracket': 'el["outerHTML"] = text;',
  insertAdjacentHTML: 'el.insertAdjacentHTML("beforeend", text);',
  'insertAdjacentHTML by bracket': 'el["insertAdjacentHTML"]("beforeend", text);',
  createContextualFragment: 'document.createRange().createContextualFragment(text);',
  setHTMLUnsafe: 'el.setHTMLUnsafe(text);',
  'srcdoc property': 'frame.srcdoc = text;',
  'srcdoc attribute': 'frame.setAttribute("srcdoc", text);',
  'setAttribute onclick': 'el.setAttribute("onclick", "go()");',
  'setAttribute onerror, single quotes': "img.setAttribute('onerror', code);",
  'setAttribute ONLOAD, upper case': 'img.setAttribute("ONLOAD", code);',
  'setAttributeNS onload': 'svg.setAttributeNS(null, "onload", code);',
  'javascript: URL in href': 'a.href = "javascript:alert(1)";',
  'javascript: URL, mixed case': "a.setAttribute('href', 'JavaScript:void(0)');",
  'document.write': 'document.write(text);',
  'document.writeln': 'document.writeln(text);',
  'document.write by bracket': 'document["write"](text);',
  'document.write, spaced': 'document . write (text);',
  eval: 'eval(code);',
  'eval by bracket': 'window["eval"](code);',
  'new Function': 'const f = new Function("a", code);',
  'Function without new': 'const f = Function(code);',
  'string setTimeout': 'setTimeout("go()", 10);',
  'string setInterval': "setInterval('go()', 10);",
  // A "//" inside a string must not hide the rest of the line (the old lint cut lines there).
  'innerHTML after a URL string': 'const u = "https://example.org"; el.innerHTML = u;',
  'innerHTML after a regex with quotes': 'const r = /["\']/g; el.innerHTML = s;',
  'innerHTML inside a template expression': 'const s = `${(el.innerHTML = x)}`;',
  'innerHTML on a later line after a block comment': '/* note */\nel.innerHTML = x;',
};

for (const [what, src] of Object.entries(BAD)) {
  test(`lint fails on: ${what}`, () => {
    const r = lint({ 'content/bad.ts': `// fixture\nexport function f(el: any, text: string, code: string) {\n  ${src}\n}\n` });
    assert.equal(r.status, 1, `expected the lint to fail:\n${r.out}`);
    assert.match(r.out, /content\/bad\.ts:\d+:/, r.out);
    assert.match(r.out, /1 forbidden construct/, r.out);
  });
}

test('lint fails on an inline handler or javascript: URL in extension HTML', () => {
  for (const html of ['<button onclick="go()">x</button>', '<a href="javascript:go()">x</a>', '<iframe srcdoc="<b>x</b>"></iframe>']) {
    const r = lint({ 'popup/popup.html': `<!doctype html>\n<body>\n${html}\n</body>\n` });
    assert.equal(r.status, 1, `${html}:\n${r.out}`);
    assert.match(r.out, /popup\.html:3:/, r.out);
  }
});

test('lint reports the line of each problem in .js and .mjs files too', () => {
  const r = lint({ 'a.js': 'x.innerHTML = 1;\n', 'b/c.mjs': '\n\neval("1");\n' });
  assert.equal(r.status, 1);
  assert.match(r.out, /a\.js:1: HTML sink/);
  assert.match(r.out, /c\.mjs:3: eval/);
  assert.match(r.out, /2 forbidden construct/);
});

test('lint passes clean code, comments that mention the constructs, and look-alike names', () => {
  const r = lint({
    'content/ok.ts': [
      '// never innerHTML, never eval(x), never document.write(x)',
      '/* block comment: el["innerHTML"] = x; setAttribute("onclick", x); javascript:alert(1) */',
      '/**',
      ' * JSDoc: no new Function("x") and no srcdoc here',
      ' */',
      'export function f(el: HTMLElement, text: string) {',
      '  el.textContent = text;',
      '  el.setAttribute("aria-label", text);',
      '  el.setAttribute("data-once", "1");',
      '  const url = "https://x.com/home"; // a URL in a string is fine',
      '  const ratio = 10 / 2 / 5;',
      '  const re = /on[a-z]+/g;',
      '  setTimeout(() => el.focus(), 10);',
      '  const evaluate = (s: string) => s.length; evaluate(text);',
      '  const t = `${text} // not a comment`;',
      '  return [url, ratio, re, t];',
      '}',
    ].join('\n'),
    'popup/ok.html': '<!doctype html>\n<!-- <div onclick="x"> in a comment -->\n<button id="b" type="button">On</button>\n<script src="popup.js"></script>\n',
  });
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /2 files/);
});

test('lint passes the real extension/ (default directory)', () => {
  const r = spawnSync(process.execPath, [LINT], { encoding: 'utf8', cwd: REPO });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /extension lint: \d+ files in extension/);
});
