// The built extension (dist/) in Debian's firefox-esr, on the four compose boxes served at their
// real URLs under their real CSPs (same fixtures as the Chromium tests; firefox-harness.mjs).
// Skips, saying why, when firefox-esr is not installed.
// Run after building: node --test tests/e2e/firefox.test.mjs
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchFirefox, firefoxMissing, openFixture, typeInEditor, modelText, posts, highlights, guardText, guardClick,
  clickCentre, settle, until,
} from './firefox-harness.mjs';
import { CRITICAL, SAFE, EDITORS, coreFindings } from './helpers.mjs';

const missing = firefoxMissing();
const skip = missing ? `Firefox tests skipped: ${missing}` : false;

/** What the extension must underline for `text` with default settings: [{name, text}] in order. */
async function expected(text) {
  return (await coreFindings(text)).map((f) => ({ name: `safepost-${f.severity}`, text: f.text }));
}
const key = (l) => JSON.stringify(l.map((h) => `${h.name}|${h.text}`).sort());

async function waitForHighlights(page, want, what = 'highlights') {
  return until(async () => {
    const h = await highlights(page);
    return key(h.items) === key(want) && h;
  }, `${what} ${key(want)}`);
}

let app;
let extPage; // an extension page kept open: storage resets and tab look-ups go through it
before(async () => {
  if (missing) return;
  app = await launchFirefox();
  extPage = await app.openExtensionPage('options.html');
});
after(async () => app?.close());
beforeEach(async () => {
  if (missing) return;
  await extPage.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
});

for (const ed of EDITORS) {
  test(`firefox ${ed.name}: a risky post is underlined on exactly the core's phrases, checked in the page`, { skip }, async (t) => {
    const page = await openFixture(app, ed.url);
    // Firefox compiles WebAssembly in the content script whatever the page's CSP, LinkedIn included.
    assert.equal(await page.evaluate(() => document.documentElement.dataset.safepostChecker), 'page');
    await typeInEditor(page, CRITICAL);
    const want = await expected(CRITICAL);
    assert.ok(want.length > 0, 'the core flags the risky post');
    const got = await waitForHighlights(page, want);
    const painter = await page.evaluate(() => document.documentElement.dataset.safepostPainter);
    t.diagnostic(`painter: ${painter}; read from: ${got.source}; ${got.items.map((h) => h.text).join(' | ')}`);
    // firefox-esr 153 has the Custom Highlight API: the underlines are real CSS highlights.
    assert.equal(painter, 'highlight-api');
    assert.equal(got.source, 'css.highlights');
    assert.equal(await modelText(page), CRITICAL);
    assert.deepEqual(page.__errors, []);
    await page.close();
  });

  test(`firefox ${ed.name}: a safe post is not underlined; adding a risky phrase is`, { skip }, async () => {
    const page = await openFixture(app, ed.url);
    assert.deepEqual(await expected(SAFE), []);
    await typeInEditor(page, SAFE);
    // The check runs per frame; after a couple of frames and a short grace, nothing is underlined.
    await settle(page);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual((await highlights(page)).items, []);
    assert.equal(await modelText(page), SAFE);
    const more = ' NHS no 943 476 5919';
    await typeInEditor(page, more);
    await waitForHighlights(page, await expected(SAFE + more));
    await page.close();
  });

  test(`firefox ${ed.name}: Post with a critical finding shows the summary and the site does not post; Post anyway posts once`, { skip }, async () => {
    const page = await openFixture(app, ed.url);
    await typeInEditor(page, CRITICAL);
    await waitForHighlights(page, await expected(CRITICAL));
    await clickCentre(page, ed.button);
    const summary = await until(() => guardText(page), 'the pre-publish summary');
    assert.match(summary, /Patient identifiers/);
    assert.match(summary, /Mr Khan/);
    assert.deepEqual(await posts(page), [], "the site's Post handler did not run");

    await guardClick(page, 'edit');
    await until(async () => (await guardText(page)) === null, 'the summary closing');
    assert.equal(await modelText(page), CRITICAL);
    assert.deepEqual(await posts(page), []);

    await clickCentre(page, ed.button);
    await until(() => guardText(page), 'the summary again');
    await guardClick(page, 'post-anyway');
    const done = await until(async () => { const p = await posts(page); return p.length > 0 && p; }, 'the site posting');
    assert.equal(done.length, 1, 'posted exactly once');
    assert.equal(done[0].text.trim(), CRITICAL);
    assert.deepEqual(page.__errors, []);
    await page.close();
  });
}

// Applying a suggestion selects the phrase and inserts through the editor's input path. Quill
// lives in a shadow root, and Firefox has no ShadowRoot.getSelection: the document's selection
// must carry the range there.
for (const ed of EDITORS) {
  test(`firefox ${ed.name}: Apply in the card rewrites the phrase through the editor`, { skip }, async () => {
    const finding = (await coreFindings(CRITICAL)).find((f) => f.suggestion !== undefined);
    assert.ok(finding, 'the core offers a suggestion');
    const replaced = CRITICAL.slice(0, finding.start) + finding.suggestion + CRITICAL.slice(finding.end);
    const page = await openFixture(app, ed.url);
    await typeInEditor(page, CRITICAL);
    await waitForHighlights(page, await expected(CRITICAL));
    // Hover the middle of the underlined phrase (its range's first box, read in the page).
    const box = await page.evaluate((text) => {
      for (const [name, hl] of CSS.highlights) {
        if (!String(name).startsWith('safepost')) continue;
        for (const r of hl) {
          if (r.toString() !== text) continue;
          const b = r.getClientRects()[0];
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
      return null;
    }, finding.text);
    assert.ok(box, 'the phrase has a box');
    await page.mouse.move(box.x, box.y, { steps: 3 });
    // The card lives in the shadow root of a [data-safepost-card] host beside the editor.
    const applyBox = () => page.evaluate(() => {
      for (const host of document.querySelectorAll('[data-safepost-card]')) {
        const b = host.shadowRoot?.querySelector('button[data-action="apply"]');
        const r = b && b.getClientRects()[0];
        if (r && r.width > 0) return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    });
    const at = await until(applyBox, 'the card with Apply');
    await page.mouse.click(at.x, at.y);
    await until(async () => (await modelText(page)) === replaced, `the model to read ${JSON.stringify(replaced)}`);
    const screen = await page.evaluate(() => window.__safepostFixture.editors()[0].innerText.replace(/\n+$/, ''));
    assert.equal(screen, replaced, 'the screen agrees with the model');
    assert.deepEqual(page.__errors, []);
    await page.close();
  });
}

test('firefox: the per-site switch in the real popup turns X off and on in the open tab', { skip }, async () => {
  const site = await openFixture(app, EDITORS[0].url);
  await typeInEditor(site, CRITICAL);
  const want = await expected(CRITICAL);
  await waitForHighlights(site, want);

  // The popup is the extension's own page; opened in a tab it targets the tab given by ?tab=.
  const tabIds = await extPage.evaluate(async () => (await chrome.tabs.query({ url: 'https://x.com/*' })).map((t) => t.id));
  assert.equal(tabIds.length, 1, 'one X tab');
  const popup = await app.openExtensionPage(`popup.html?tab=${tabIds[0]}`);
  assert.equal(await popup.$eval('#site-name', (e) => e.textContent), 'X');
  assert.equal(await popup.$eval('#site-toggle', (e) => e.checked), true);
  // The popup's summary comes from the tab's content script.
  await popup.waitForSelector('#findings li');
  assert.equal(await popup.$$eval('#findings li', (l) => l.length), want.length);

  // Off: the underlines vanish in the open tab at once and Post goes straight through.
  await popup.click('.switch');
  await until(async () => /^Off on X/.test(await popup.$eval('#site-status', (e) => e.textContent)), 'popup says off');
  assert.equal(await extPage.evaluate(async () => (await chrome.storage.sync.get('settings')).settings.sites.x), false);
  await site.bringToFront();
  await until(async () => (await highlights(site)).items.length === 0, 'underlines gone');
  await clickCentre(site, EDITORS[0].button);
  const done = await until(async () => { const p = await posts(site); return p.length > 0 && p; }, 'the site posting');
  assert.equal(done.length, 1);
  assert.equal(done[0].text, CRITICAL);
  assert.equal(await guardText(site), null);

  // On again: the same tab underlines and guards again, without a reload.
  await typeInEditor(site, CRITICAL);
  await popup.bringToFront();
  await popup.click('.switch');
  await until(async () => /^On/.test(await popup.$eval('#site-status', (e) => e.textContent)), 'popup says on');
  await site.bringToFront();
  await waitForHighlights(site, want);
  await clickCentre(site, EDITORS[0].button);
  await until(() => guardText(site), 'the summary');
  assert.equal((await posts(site)).length, 1, 'nothing more posted');
  assert.deepEqual(popup.__errors, []);
  await popup.close();
  await site.close();
});
