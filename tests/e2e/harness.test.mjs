// Checks the harness itself with a tiny stub extension (generated here, not SafePost):
// extension loading and id discovery, content-script injection on the routed sites, that the
// page's main world sees highlights a content script registers, and the content-script
// WebAssembly/CSP behaviour the real extension must plan for.
//   node --test tests/e2e/harness.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openFixture, typeInEditor, highlightedTexts, highlightRects, rectsClose, highlightSource, SITES } from './harness.mjs';

let dir;
let browser;

const CONTENT_SCRIPT = `
(() => {
  const root = document.documentElement;
  root.dataset.stubCs = 'loaded';
  WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
    () => { root.dataset.stubWasm = 'ok'; },
    (e) => { root.dataset.stubWasm = 'blocked: ' + e.message; });
  const PHRASE = 'Mr Khan';
  document.addEventListener('input', (e) => {
    const editor = e.composedPath()[0];
    if (!(editor instanceof HTMLElement) || !editor.isContentEditable) return;
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    const ranges = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(PHRASE);
      if (at >= 0) { const r = new Range(); r.setStart(n, at); r.setEnd(n, at + PHRASE.length); ranges.push(r); }
    }
    CSS.highlights.set('safepost-stub', new Highlight(...ranges));
  }, true);
})();
`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safepost-stub-ext-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'harness stub',
    version: '0.0.1',
    background: { service_worker: 'sw.js' },
    host_permissions: ['https://x.com/*', 'https://www.facebook.com/*', 'https://www.linkedin.com/*'],
    content_scripts: [{
      matches: ['https://x.com/*', 'https://www.facebook.com/*', 'https://www.linkedin.com/*'],
      js: ['cs.js'],
      run_at: 'document_idle',
    }],
  }));
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});\n');
  writeFileSync(join(dir, 'cs.js'), CONTENT_SCRIPT);
  browser = await launch({ extension: dir });
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('launch finds the extension id from its MV3 service worker', () => {
  assert.match(browser.extensionId, /^[a-p]{32}$/);
  assert.ok(browser.serviceWorker.url().startsWith(`chrome-extension://${browser.extensionId}/`));
});

for (const [name, url, wasm] of [
  ['X', SITES.xHome, 'ok'],
  ['Facebook', SITES.facebook, 'ok'],
  ['LinkedIn classic (shadow root)', SITES.linkedinClassic, 'blocked'],
  ['LinkedIn new', SITES.linkedinNew, 'blocked'],
]) {
  test(`${name}: content script highlights are visible from the main world; WebAssembly ${wasm}`, async () => {
    const page = await openFixture(browser, url);
    await page.waitForFunction(() => document.documentElement.dataset.stubWasm);
    assert.ok((await page.evaluate(() => document.documentElement.dataset.stubWasm)).startsWith(wasm));
    await typeInEditor(page, 'RIP Mr Khan, a legend');
    await page.waitForFunction(() => CSS.highlights.has('safepost-stub'));
    assert.deepEqual(await highlightedTexts(page), [{ name: 'safepost-stub', text: 'Mr Khan' }]);
    assert.equal(await highlightSource(page), 'css.highlights');
    const m = await highlightRects(page, ['Mr Khan']);
    assert.ok(rectsClose(m.highlights[0].rects, m.highlights[0].expected));
    assert.ok(rectsClose(m.highlights[0].rects, m.phrases['Mr Khan']));
    await page.close();
  });
}
