// Robustness of the built extension in Chromium: a 1 MB paste is taken whole and checked in part, an
// editor removed while its check is in flight leaves nothing behind, storage of the wrong shape
// falls back to defaults, and a service worker stopped between checks is started again.
// Run after ./build.sh: node --test tests/e2e/robustness.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { SITES, launch, openFixture, highlightedTexts, modelText, typeInEditor } from './harness.mjs';
import { coreFindings, stopWorker } from './helpers.mjs';
import { EDITOR_KINDS, EXTENSION_FILES, focusNewEditor, countHighlightsInPage } from './proof-helpers.mjs';

const RISKY = 'RIP Mr Khan in bed 12, you were a legend';
const RISKY2 = 'NHS no 943 476 5919, anyone recognise this rash?';

let app;
test.before(async () => {
  app = await launch({ routes: [EXTENSION_FILES] });
  assert.ok(app.extensionId, 'extension loaded');
  // SafePost's trace (test build): its checks are counted, not timed.
  await app.context.addInitScript(() => {
    const set = () => document.documentElement && (document.documentElement.setAttribute('data-safepost-trace', ''), true);
    if (!set()) document.addEventListener('readystatechange', set, { once: true });
  });
});
test.after(async () => app?.close());

const sw = () => app.serviceWorker;
const kind = (name) => EDITOR_KINDS.find((k) => k.name === name);

async function openReady(url) {
  const page = await openFixture(app, url);
  await page.bringToFront(); // background tabs get no animation frames
  await page.waitForFunction(() => document.documentElement.dataset.safepostReady === '1', null, { timeout: 15000 });
  return page;
}

async function until(fn, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the underlines on `page` are exactly what the core finds in `text` (sorted). */
async function expectUnderlines(page, text, what) {
  const want = JSON.stringify((await coreFindings(text)).map((f) => f.text).sort());
  let got;
  await until(async () => {
    got = JSON.stringify((await highlightedTexts(page)).map((h) => h.text).sort());
    return got === want;
  }, `${what}: underlines ${want} (last ${got})`);
}

// --- 1 MB paste ----------------------------------------------------------------------------
function megabyte() {
  const parts = [];
  let n = 0;
  for (let i = 0; n < 1 << 20; i++) {
    const s = (i % 20 === 0 ? `RIP Mr Khan in bed ${i % 30}, you were a legend. ` : '') + `Handover note ${i}: the team was brilliant today, thank you all.`;
    const sep = i === 0 ? '' : i % 1500 === 0 ? '\n' : ' ';
    parts.push(sep + s);
    n += sep.length + s.length;
  }
  return parts.join('').slice(0, 1 << 20).trimEnd();
}

// Main world: pastes `text` into editor 0 as the browser does for Ctrl+V.
function pasteInto(text) {
  const e = window.__safepostFixture.editors()[0];
  const active = e.getRootNode().activeElement;
  const target = active && (active === e || e.contains(active)) ? active : e;
  const data = new DataTransfer();
  data.setData('text/plain', text);
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

// The time the page spends is measured by `./build.sh bench` (tests/bench/browser.mjs,
// "megabyte"), not here: a timing threshold in a test measures the machine (issue 13, item 9:
// 235 ms at a load average of 7 on 2 cores failed a 200 ms limit). This test keeps what does
// not depend on the machine's speed: the model holds exactly the paste, nothing throws, and
// SafePost's own work is counted from its trace: a bounded number of checks, of at most the
// first 65,536 characters (every underline lies there, and there are exactly as many as the
// core finds in that part).
for (const name of ['x-draft', 'linkedin-quill']) {
  test(`${name}: a 1 MB paste: the model holds exactly the paste, no error, a bounded number of checks of only the text's first 65,536 characters`, { timeout: 10 * 60_000 }, async () => {
    const text = megabyte();
    assert.equal(text.length > 1_000_000, true);
    const k = kind(name);
    const page = await openFixture(app, k.url);
    await page.bringToFront();
    await page.waitForFunction(() => document.documentElement.dataset.safepostReady === '1', null, { timeout: 15000 });
    await focusNewEditor(page);
    await page.evaluate(pasteInto, text);
    assert.equal(await modelText(page), text, 'the model text is exactly what was pasted');
    const want = (await coreFindings(text.slice(0, 65_536))).length;
    assert.ok(want > 0);
    await until(async () => (await page.evaluate(countHighlightsInPage)) === want, `the ${want} underlines of the first 65,536 characters`, 120_000);
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(countHighlightsInPage), want, 'nothing past the checked part is underlined');
    const checks = await page.evaluate(() => performance.getEntriesByName('safepost:check').length);
    // One check for the paste (the editor may re-render once more); not one per block or line.
    assert.ok(checks >= 1 && checks <= 3, `${checks} checks for one paste`);
    assert.deepEqual(page.__errors.map(String), []);
    await page.close();
  });
}

// --- an editor removed while its check is in flight -----------------------------------------
const CLOSERS = {
  'linkedin-quill': () => window.__safepostFixture.shadowRoot.querySelector('.share-box-v2__modal .artdeco-modal__dismiss').click(),
  'linkedin-tiptap': () => document.querySelector('dialog[open] button[aria-label="Dismiss"]').click(),
  'facebook-lexical': () => document.querySelector('[role="dialog"][aria-label="Create post"] .fb-close').click(),
};

for (const name of Object.keys(CLOSERS)) {
  test(`${name}: the composer removed while a check is in flight leaves no underline, badge or error, and the next box works`, async () => {
    const k = kind(name);
    const page = await openReady(k.url);
    await focusNewEditor(page);
    await typeInEditor(page, RISKY);
    await expectUnderlines(page, RISKY, 'before');
    await page.waitForFunction(() => document.querySelector('[data-safepost-badge]'));
    // Count the checks the worker receives (a listener beside SafePost's own).
    await sw().evaluate(() => {
      self.__checksSeen = 0;
      if (!self.__checkSpy) {
        self.__checkSpy = true;
        chrome.runtime.onMessage.addListener((m) => { if (m && m.type === 'safepost:check') self.__checksSeen++; });
      }
    });
    // A long text keeps the worker busy for a while, so the close lands before the answer.
    const big = `${RISKY2} ${'Handover went well and the team was brilliant today, thank you all. '.repeat(1500)}`;
    await page.evaluate(`new Promise((resolve) => {
      const e = window.__safepostFixture.editors()[0];
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(big)});
      e.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
      setTimeout(() => { (${CLOSERS[name].toString()})(); resolve(); }, 0);
    })`);
    assert.equal(await page.evaluate(() => window.__safepostFixture.editors().length), 0, 'the composer is gone');
    if (k.path === 'worker') {
      await until(() => sw().evaluate(() => self.__checksSeen > 0), 'the worker received the check');
    }
    // Give the answer time to arrive and be (not) painted: until the worker has answered at
    // least once more than it was asked before, plus a few frames.
    await page.waitForTimeout(1500);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const left = await page.evaluate(() => ({
      ranges: (() => { let n = 0; for (const [name, h] of CSS.highlights) if (name.startsWith('safepost')) n += h.size; return n; })(),
      badges: document.querySelectorAll('[data-safepost-badge]').length,
      overlays: document.querySelectorAll('[data-safepost-overlay]').length,
    }));
    assert.deepEqual(left, { ranges: 0, badges: 0, overlays: 0 }, 'nothing left behind');
    assert.deepEqual(page.__errors.map(String), []);
    // A new box on the same page is checked as usual.
    await page.evaluate(`(${k.fresh.toString()})()`);
    await focusNewEditor(page);
    await typeInEditor(page, RISKY2);
    await expectUnderlines(page, RISKY2, 'new box');
    await page.waitForFunction(() => document.querySelectorAll('[data-safepost-badge]').length === 1);
    assert.deepEqual(page.__errors.map(String), []);
    await page.close();
  });
}

// --- storage of the wrong shape --------------------------------------------------------------
const HUGE = 'x'.repeat(7000); // storage.sync allows 8 KB per item
const BAD_SETTINGS = [
  [], [1, 2, 3], 42, -1, 0, null, true, 'settings', HUGE,
  { profession: 123, disabledCategories: 'identifiers', disabledRules: { a: 1 }, guardThreshold: [], workplaceTerms: [null, 5, HUGE.slice(0, 3000)], sites: [], pausedUntil: 'soon', version: 'v9' },
  { sites: { x: 'no', facebook: 0, linkedin: null }, disabledCategories: [HUGE.slice(0, 5000)], pausedUntil: -5 },
  { sites: null, disabledRules: [[], {}, 7], workplaceTerms: 'Ward 7', profession: { nurse: true } },
  { __proto__: null, constructor: 'x', toString: 5, hasOwnProperty: 1 },
];
const BAD_IGNORED = [
  'garbage', 42, [], null, HUGE, { salt: 5, hashes: 'x' }, { salt: 'zz', hashes: [1, 2] },
  { salt: '0123456789abcdef0123456789abcdef', hashes: ['not-hex', 12, null, 'x'.repeat(100)] },
  { salt: '0123456789abcdef0123456789abcdef', hashes: Array.from({ length: 20000 }, (_, i) => i.toString(16).padStart(16, '0')) },
];

test('settings and ignored phrases of the wrong shape: the extension works on defaults, pages open without errors', { timeout: 10 * 60_000 }, async () => {
  const cases = [];
  for (let i = 0; i < Math.max(BAD_SETTINGS.length, BAD_IGNORED.length); i++) {
    cases.push({ settings: BAD_SETTINGS[i % BAD_SETTINGS.length], ignored: BAD_IGNORED[i % BAD_IGNORED.length] });
  }
  const text = `${RISKY}. ${RISKY2}`;
  // One open page sees every change through storage.onChanged; a new page loads each state.
  const live = await openReady(SITES.xHome);
  let liveText = text;
  await typeInEditor(live, text);
  await expectUnderlines(live, text, 'defaults');
  for (const [i, c] of cases.entries()) {
    const label = `case ${i}: settings ${JSON.stringify(c.settings)?.slice(0, 80)}, ignored ${JSON.stringify(c.ignored)?.slice(0, 80)}`;
    await sw().evaluate(async ({ settings, ignored }) => {
      await chrome.storage.sync.set({ settings });
      await chrome.storage.local.set({ ignored });
    }, c);
    // The open page: still checking, on the defaults (one more risky phrase, one more underline).
    await live.bringToFront();
    liveText += ` ${i % 2 ? RISKY : RISKY2}`;
    await typeInEditor(live, liveText.slice(liveText.length - (i % 2 ? RISKY : RISKY2).length - 1));
    await expectUnderlines(live, liveText, `${label}, open page`);
    // A page loaded now.
    const page = await openReady(i % 2 ? SITES.linkedinClassic : SITES.facebook);
    await typeInEditor(page, text);
    await expectUnderlines(page, text, `${label}, new page`);
    assert.deepEqual(page.__errors.map(String), [], label);
    await page.close();
  }
  assert.deepEqual(live.__errors.map(String), []);
  await live.close();
  // The popup and the options page open on garbage too.
  for (const path of ['popup.html', 'options.html']) {
    const page = await app.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`chrome-extension://${app.extensionId}/${path}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    assert.deepEqual(errors, [], path);
    await page.close();
  }
  await sw().evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
});

// --- the service worker stopped between checks (LinkedIn: the worker path) -------------------
test('linkedin: the service worker stopped between checks is woken by the next check', { timeout: 5 * 60_000 }, async () => {
  for (const name of ['linkedin-quill', 'linkedin-tiptap']) {
    const k = kind(name);
    const page = await openReady(k.url);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.safepostChecker), 'worker');
    await focusNewEditor(page);
    await typeInEditor(page, RISKY);
    await expectUnderlines(page, RISKY, `${name}: first check`);
    let text = RISKY;
    for (let round = 0; round < 3; round++) {
      await stopWorker(app, page);
      const add = round % 2 ? ` ${RISKY}` : ` ${RISKY2}`;
      await typeInEditor(page, add);
      text += add;
      await expectUnderlines(page, text, `${name}: after stopping the worker (round ${round + 1})`);
      assert.equal(await modelText(page), text);
    }
    assert.deepEqual(page.__errors.map(String), []);
    await page.close();
  }
  // The worker came back; later tests may use it again.
  await until(() => app.context.serviceWorkers().some((w) => w.url().startsWith(`chrome-extension://${app.extensionId}/`)), 'the worker running again');
  app.serviceWorker = app.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${app.extensionId}/`));
});
