// Robustness of the built extension in Chromium: a 1 MB paste keeps the page responsive, an
// editor removed while its check is in flight leaves nothing behind, storage of the wrong shape
// falls back to defaults, and a service worker stopped between checks is started again.
// Run after ./build.sh: node --test tests/e2e/robustness.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadavg, cpus } from 'node:os';
import { SITES, launch, openFixture, highlightedTexts, modelText, typeInEditor } from './harness.mjs';
import { coreFindings } from './helpers.mjs';
import { EDITOR_KINDS, EXTENSION_FILES, focusNewEditor, countHighlightsInPage } from './proof-helpers.mjs';

const RISKY = 'RIP Mr Khan in bed 12, you were a legend';
const RISKY2 = 'NHS no 943 476 5919, anyone recognise this rash?';
const LONG_TASK_LIMIT_MS = 200; // the structural check

let app;
test.before(async () => {
  app = await launch({ routes: [EXTENSION_FILES] });
  assert.ok(app.extensionId, 'extension loaded');
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

// Main world. Records every long task from now on; then pastes `text` into editor 0 and notes
// when the editor's own paste handler started and returned. The paste's task ends after the
// microtasks that follow the handler: there the editor's MutationObservers, and SafePost's,
// run. That tail, and every later long task, is what the page spends beyond the editor itself.
function pasteAndRecord(text) {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  const e = window.__safepostFixture.editors()[0];
  const active = e.getRootNode().activeElement;
  const target = active && (active === e || e.contains(active)) ? active : e;
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const t0 = performance.now();
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  window.__paste = { t0, t1: performance.now() };
}

/** Pastes 1 MB into a fresh editor of `kindName` in `browser`; returns the measurements. */
async function megabytePaste(browser, kindName, text) {
  const k = kind(kindName);
  const withSafePost = !!browser.extensionId;
  const page = await openFixture(browser, k.url);
  await page.bringToFront();
  if (withSafePost) await page.waitForFunction(() => document.documentElement.dataset.safepostReady === '1', null, { timeout: 15000 });
  await focusNewEditor(page);
  await page.evaluate(pasteAndRecord, text);
  const model = await modelText(page);
  // Wait for SafePost's underlines on the pasted text, then for two quiet seconds.
  if (withSafePost) await until(() => page.evaluate(countHighlightsInPage), 'underlines after the 1 MB paste', 120_000);
  let count = -1;
  for (;;) {
    await page.waitForTimeout(2000);
    const n = await page.evaluate(() => window.__longTasks.length);
    if (n === count) break;
    count = n;
  }
  const { tasks, paste } = await page.evaluate(() => ({ tasks: window.__longTasks, paste: window.__paste }));
  const errors = page.__errors.map(String);
  await page.close();
  const own = tasks.find((t) => t.start <= paste.t0 && t.start + t.duration >= paste.t1);
  const tail = own ? own.start + own.duration - paste.t1 : 0;
  const others = tasks.filter((t) => t !== own).map((t) => Math.round(t.duration));
  return { model, errors, handler: Math.round(paste.t1 - paste.t0), task: own ? Math.round(own.duration) : null, tail: Math.round(tail), others };
}

/**
 * With and without SafePost. SafePost's share of the page's time: the tail of the paste's own
 * task (SafePost reads and, on the page path, checks in the microtasks after the editor's
 * handler), and any later long task longer than the longest one the same paste causes without
 * SafePost (the browser's own layout of a megabyte of text is not SafePost's).
 */
async function measureMegabyte(off, name, text) {
  const on = await megabytePaste(app, name, text);
  const base = await megabytePaste(off, name, text);
  const allowed = Math.max(LONG_TASK_LIMIT_MS, ...base.others, base.tail);
  const extra = on.others.filter((d) => d > allowed);
  return { on, base, allowed, worst: Math.max(on.tail, ...extra, 0) };
}

for (const name of ['x-draft', 'linkedin-quill']) {
  test(`${name}: a 1 MB paste keeps the page responsive (no SafePost task over ${LONG_TASK_LIMIT_MS} ms) and the model holds exactly the paste`, { timeout: 15 * 60_000 }, async () => {
    const text = megabyte();
    assert.equal(text.length > 1_000_000, true);
    const off = await launch({ extension: false });
    try {
      const describe = (r) => `editor's paste handler ${r.handler} ms (its task ${r.task} ms, of which ${r.tail} ms after the handler), other long tasks ${JSON.stringify(r.others)} ms`;
      const report = (m, what) => console.log(`${name} 1 MB paste${what}: with SafePost: ${describe(m.on)}; without: ${describe(m.base)}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
      let m = await measureMegabyte(off, name, text);
      report(m, '');
      // A machine this busy measures the machine, not SafePost: one more try.
      if (m.worst > LONG_TASK_LIMIT_MS && loadavg()[0] > cpus().length) {
        m = await measureMegabyte(off, name, text);
        report(m, ', retried');
      }
      assert.equal(m.on.model, text, 'the model text is exactly what was pasted');
      assert.equal(m.base.model, text);
      assert.deepEqual(m.on.errors, []);
      assert.ok(m.worst <= LONG_TASK_LIMIT_MS, `SafePost blocked the page for ${m.worst} ms: with SafePost ${describe(m.on)}; without ${describe(m.base)}`);
    } finally {
      await off.close();
    }
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
    const cdp = await page.context().newCDPSession(page);
    let text = RISKY;
    for (let round = 0; round < 3; round++) {
      const worker = app.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${app.extensionId}/`));
      const closed = worker ? new Promise((r) => worker.once('close', r)) : Promise.resolve();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
      await cdp.send('ServiceWorker.disable');
      const add = round % 2 ? ` ${RISKY}` : ` ${RISKY2}`;
      await typeInEditor(page, add);
      text += add;
      await expectUnderlines(page, text, `${name}: after stopping the worker (round ${round + 1})`);
      assert.equal(await modelText(page), text);
    }
    await cdp.detach();
    assert.deepEqual(page.__errors.map(String), []);
    await page.close();
  }
  // The worker came back; later tests may use it again.
  await until(() => app.context.serviceWorkers().some((w) => w.url().startsWith(`chrome-extension://${app.extensionId}/`)), 'the worker running again');
  app.serviceWorker = app.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${app.extensionId}/`));
});
