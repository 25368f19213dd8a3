// The toolbar popup, the options page and the welcome page, driven as extension pages in the
// same Chromium as real fixture tabs, so each change is seen to reach the open site at once.
// Run after building: node extension/build.mjs && node --test tests/e2e/pages.test.mjs
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { launch, openFixture, typeInEditor, highlightedTexts, SITES } from './harness.mjs';
import {
  CRITICAL, EDITORS, GUARD, SCREENSHOTS,
  clickCentre, coreFindings, flagsOf, highOnly, guardOpen, posts, until, waitForHighlights,
} from './helpers.mjs';

const DEFAULTS = {
  version: 1, profession: 'other', disabledCategories: [], disabledRules: [], guardThreshold: 'high',
  sites: { x: true, facebook: true, linkedin: true }, pausedUntil: 0,
};
// Workplace terms are not synced: they live in storage.local (issue 13, item 5).

let app;
before(async () => {
  // The harness answers every request from fixtures; our own extension pages load as usual.
  app = await launch({ routes: [{ match: (u) => u.startsWith('chrome-extension://'), handle: (r) => r.continue() }] });
  assert.ok(app.extensionId, 'extension loaded');
});
after(async () => app?.close());
beforeEach(async () => {
  await app.serviceWorker.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
});

const extUrl = (path) => `chrome-extension://${app.extensionId}/${path}`;
const stored = () => app.serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
const storedTerms = () => app.serviceWorker.evaluate(async () => (await chrome.storage.local.get('workplace')).workplace?.terms);
const setStored = (value) => app.serviceWorker.evaluate((v) => chrome.storage.sync.set({ settings: v }), value);

async function openSite(url) {
  const page = await openFixture(app, url);
  await page.bringToFront(); // background tabs get no animation frames: checks would stall
  await page.waitForFunction(() => document.documentElement.dataset.safepostReady === '1');
  return page;
}

async function openExtPage(path, viewport) {
  const page = await app.context.newPage();
  page.__errors = [];
  page.on('pageerror', (e) => page.__errors.push(e));
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(extUrl(path));
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** The id of the tab showing `page` (asked of the service worker, which may see our hosts' URLs). */
async function tabIdOf(page) {
  const url = page.url();
  const ids = await app.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u })).map((t) => t.id), url.split('#')[0]);
  assert.equal(ids.length, 1, `one tab at ${url}`);
  return ids[0];
}

test('popup: site, switch, pause and the summary for a given tab; switching reaches the open tab at once', async () => {
  const site = await openSite(SITES.xHome);
  await typeInEditor(site, CRITICAL);
  await waitForHighlights(site, await flagsOf(CRITICAL));
  const tabId = await tabIdOf(site);

  const popup = await openExtPage(`popup.html?tab=${tabId}`, { width: 360, height: 560 });
  assert.equal(await popup.locator('#site-name').innerText(), 'X');
  assert.equal(await popup.locator('#site-toggle').isChecked(), true);
  assert.match(await popup.locator('#site-status').innerText(), /^On/);
  await popup.waitForSelector('#findings li');
  const expected = await coreFindings(CRITICAL);
  const criticals = expected.filter((f) => f.severity === 'critical').length;
  assert.equal(await popup.locator('.count.sev-critical strong').innerText(), String(criticals));
  assert.equal(await popup.locator('#findings li').count(), expected.length);
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-light.png') });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-dark.png') });
  await popup.emulateMedia({ colorScheme: 'light' });

  // A finding in the list selects its phrase in the page.
  const last = expected[expected.length - 1].text;
  await popup.locator('#findings li button', { hasText: last }).last().click();
  await until(site, async () => (await site.evaluate(() => String(getSelection()))) === last, 'the phrase selected in the page');

  // Off for X: underlines vanish and the guard steps aside, without reloading the tab.
  await popup.locator('.switch').click();
  await until(popup, async () => (await stored())?.sites.x === false, 'X off saved');
  assert.match(await popup.locator('#site-status').innerText(), /^Off on X/);
  await site.bringToFront();
  await until(site, async () => (await highlightedTexts(site)).length === 0, 'underlines gone');
  await clickCentre(site, EDITORS[0].button);
  const done = await until(site, async () => (await posts(site)).length > 0 && posts(site), 'the site posting');
  assert.equal(done.length, 1);
  assert.equal(done[0].text, CRITICAL);
  assert.equal(await guardOpen(site), false);

  // On again: the same tab checks and guards again.
  await typeInEditor(site, CRITICAL);
  await popup.locator('.switch').click();
  await until(popup, async () => (await stored())?.sites.x === true, 'X on saved');
  await site.bringToFront();
  await waitForHighlights(site, await flagsOf(CRITICAL));
  await clickCentre(site, EDITORS[0].button);
  await site.locator(GUARD).waitFor();
  await site.keyboard.press('Escape');
  assert.equal((await posts(site)).length, 1);

  // Pause for an hour, then resume.
  await popup.locator('#pause').click();
  await until(popup, async () => (await stored())?.pausedUntil > Date.now(), 'pause saved');
  assert.equal(await popup.locator('#pause').innerText(), 'Resume now');
  await site.bringToFront();
  await until(site, async () => (await highlightedTexts(site)).length === 0, 'underlines gone while paused');
  await popup.locator('#pause').click();
  await until(popup, async () => (await stored())?.pausedUntil === 0, 'resume saved');
  await site.bringToFront();
  await waitForHighlights(site, await flagsOf(CRITICAL));

  assert.deepEqual(popup.__errors, []);
  await popup.close();
  await site.close();
});

test('popup: a page that is not one of the three sites says so plainly', async () => {
  const other = await app.context.newPage();
  await other.goto(SITES.demo);
  const tabId = await app.serviceWorker.evaluate(async () => (await chrome.tabs.query({ url: 'https://safepost.demo/*' }))[0]?.id);
  const popup = await openExtPage(tabId ? `popup.html?tab=${tabId}` : 'popup.html', { width: 360, height: 420 });
  assert.equal(await popup.locator('#not-site').isVisible(), true);
  assert.match(await popup.locator('#not-site').innerText(), /X, Facebook and LinkedIn/);
  assert.equal(await popup.locator('#site-card').isVisible(), false);
  assert.equal(await popup.locator('#summary').isVisible(), false);
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-not-a-site.png') });
  await popup.close();
  await other.close();
});

test('options: category off, threshold and disabled rules change the open page at once', async (t) => {
  const high = await highOnly();
  if (!high) return t.skip('the core flags none of the high-only examples yet');
  const category = high.findings[0].category;
  const site = await openSite(SITES.xHome);
  const options = await openExtPage('options.html');
  await options.screenshot({ path: join(SCREENSHOTS, 'options-light.png'), fullPage: true });
  await options.emulateMedia({ colorScheme: 'dark' });
  await options.screenshot({ path: join(SCREENSHOTS, 'options-dark.png'), fullPage: true });
  await options.emulateMedia({ colorScheme: 'light' });

  await site.bringToFront();
  await typeInEditor(site, high.text);
  await waitForHighlights(site, await flagsOf(high.text));

  // Category off: the underline goes and Post is no longer stopped.
  await options.locator(`input[data-category="${category}"]`).uncheck();
  // Saving is asynchronous: wait for storage rather than reading it straight away.
  await until(options, async () => isDeepStrictEqual((await stored())?.disabledCategories, [category]), 'category off saved');
  await site.bringToFront();
  await until(site, async () => (await highlightedTexts(site)).length === 0, 'category underline gone');
  await clickCentre(site, EDITORS[0].button);
  await until(site, async () => (await posts(site)).length === 1, 'post went through');
  assert.equal(await guardOpen(site), false);

  // Category on, threshold "critical": underlined, but a high finding doesn't stop Post.
  await options.locator(`input[data-category="${category}"]`).check();
  await options.locator('input[name="threshold"][value="critical"]').check();
  await until(options, async () => (await stored())?.guardThreshold === 'critical' && (await stored()).disabledCategories.length === 0, 'threshold saved');
  await typeInEditor(site, high.text);
  await waitForHighlights(site, await flagsOf(high.text));
  await clickCentre(site, EDITORS[0].button);
  await until(site, async () => (await posts(site)).length === 2, 'post went through');
  assert.equal(await guardOpen(site), false);

  // Threshold back to "high": the same post stops at the summary.
  await options.locator('input[name="threshold"][value="high"]').check();
  await until(options, async () => (await stored())?.guardThreshold === 'high', 'threshold saved');
  await typeInEditor(site, high.text);
  await waitForHighlights(site, await flagsOf(high.text));
  await clickCentre(site, EDITORS[0].button);
  await site.locator(GUARD).waitFor();
  await site.keyboard.press('Escape');

  // A rule turned off elsewhere (the card) is listed; "Turn back on" restores it in the page.
  const rule = high.findings[0].rule;
  await setStored({ ...(await stored()), disabledRules: [rule] });
  await site.bringToFront();
  await waitForHighlights(site, high.findings.filter((f) => f.rule !== rule).map((f) => f.text));
  await options.locator('#rules li').waitFor();
  assert.equal(await options.locator('#rules code').innerText(), rule);
  await options.locator('#rules li button').click();
  await until(options, async () => (await stored())?.disabledRules.length === 0, 'rule back on saved');
  await site.bringToFront();
  await waitForHighlights(site, await flagsOf(high.text));

  // Profession: saved, and the summary in the open page quotes that profession's guidance.
  await options.locator('#profession').selectOption('nurse-midwife');
  // Saving is asynchronous: wait for storage rather than reading it straight away.
  await until(options, async () => (await stored()).profession === 'nurse-midwife', 'profession saved');
  const g = (await coreFindings(CRITICAL, 'nurse-midwife'))[0].guidance[0];
  await site.bringToFront();
  await site.keyboard.press('ControlOrMeta+A');
  await site.keyboard.press('Backspace');
  await typeInEditor(site, CRITICAL);
  await waitForHighlights(site, await flagsOf(CRITICAL));
  await clickCentre(site, EDITORS[0].button);
  await site.locator(GUARD).waitFor();
  await until(site, async () => (await site.locator(`${GUARD} .sp-guide`).first().innerText()).startsWith(`${g.source}, ${g.title}`), `guidance from ${g.source}`);
  await site.keyboard.press('Escape');

  // Workplace terms are saved as they change.
  await options.locator('#workplace').fill('St Elsewhere Hospital\n\n  Ward 7B  \n');
  await options.locator('#workplace').blur();
  await until(options, async () => JSON.stringify(await storedTerms()) === '["St Elsewhere Hospital","Ward 7B"]', 'workplace terms saved on this device');
  assert.equal((await stored()).workplaceTerms, undefined, 'workplace terms are not synced');
  assert.equal(await options.locator('#profession option:checked').innerText(), 'Nurse, midwife or nursing associate (NMC)');

  assert.deepEqual(options.__errors, []);
  await options.close();
  await site.close();
});

test('options: ignored phrases count and clear; export, import (bad files refused) and reset', async () => {
  await app.serviceWorker.evaluate(() =>
    chrome.storage.local.set({ ignored: { salt: '0123456789abcdef0123456789abcdef', hashes: ['00112233aabbccdd', '8899aabbccddeeff'] } }));
  const options = await openExtPage('options.html');
  assert.equal(await options.locator('#ignored-count').innerText(), '2 phrases always ignored.');
  await options.locator('#clear-ignored').click();
  await until(options, async () => (await options.locator('#ignored-count').innerText()) === 'No phrases ignored.', 'cleared');
  const local = await app.serviceWorker.evaluate(async () => (await chrome.storage.local.get('ignored')).ignored);
  assert.deepEqual(local.hashes, []);

  // Export: a JSON file of the current settings.
  await options.locator('#profession').selectOption('doctor');
  const [download] = await Promise.all([options.waitForEvent('download'), options.locator('#export').click()]);
  assert.equal(download.suggestedFilename(), 'safepost-settings.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.app, 'safepost');
  assert.equal(exported.version, 1);
  assert.equal(exported.settings.profession, 'doctor');

  // Bad files: refused with what was wrong; nothing changes.
  const before = await stored();
  const bad = [
    ['notes.txt', 'this is not json', /not valid JSON/],
    ['list.json', '[1, 2, 3]', /expected a JSON object, found a list/],
    ['other.json', JSON.stringify({ app: 'grammarly', settings: {} }), /not made by SafePost/],
    ['future.json', JSON.stringify({ ...exported, version: 99 }), /newer SafePost \(version 99\)/],
    ['shape.json', JSON.stringify({ ...exported, settings: { ...exported.settings, profession: 'surgeon', sites: null } }),
      /profession.*"surgeon".*must be one of[\s\S]*sites/],
    ['noversion.json', JSON.stringify({ profession: 'doctor' }), /no settings version/],
  ];
  for (const [name, body, why] of bad) {
    await options.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    const msg = options.locator('#import-msg.error');
    await until(options, async () => (await msg.count()) === 1 && (await msg.innerText()).includes(name), `message for ${name}`);
    const text = await msg.innerText();
    assert.match(text, /was not imported\. Nothing was changed\./);
    assert.match(text, why, `${name}: ${text}`);
    assert.deepEqual(await stored(), before, `${name} changed nothing`);
  }
  await options.locator('section[aria-labelledby="h-backup"]').screenshot({ path: join(SCREENSHOTS, 'options-import-refused.png') });

  // A good file is applied and shown.
  const good = { ...exported, settings: { ...exported.settings, profession: 'pharmacist', guardThreshold: 'medium', disabledCategories: ['copyright'] } };
  await options.locator('#import-file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await options.locator('#import-msg.ok').waitFor();
  const now = await stored();
  assert.equal(now.profession, 'pharmacist');
  assert.equal(now.guardThreshold, 'medium');
  assert.deepEqual(now.disabledCategories, ['copyright']);
  assert.equal(await options.locator('#profession').inputValue(), 'pharmacist');
  assert.equal(await options.locator('input[data-category="copyright"]').isChecked(), false);

  // Reset asks once, then restores every default.
  await options.locator('#reset').click();
  await options.locator('#reset-yes').click();
  await until(options, async () => isDeepStrictEqual(await stored(), DEFAULTS), 'defaults stored');
  assert.equal(await options.locator('#profession').inputValue(), 'other');
  assert.deepEqual(options.__errors, []);
  await options.close();
});

for (const [label, corrupt] of [
  ['a string', 'garbage'],
  ['wrong field types', { profession: 42, sites: null, disabledCategories: 'all', guardThreshold: ['x'], pausedUntil: 'soon' }],
]) {
  test(`corrupt settings (${label}): the extension keeps working on defaults`, async () => {
    const site = await openSite(SITES.xHome);
    await setStored(corrupt); // the open tab reacts to this change too
    await typeInEditor(site, CRITICAL);
    await waitForHighlights(site, await flagsOf(CRITICAL));
    await clickCentre(site, EDITORS[0].button);
    await site.locator(GUARD).waitFor();
    assert.deepEqual(await posts(site), []);
    await site.keyboard.press('Escape');

    const options = await openExtPage('options.html');
    assert.equal(await options.locator('#profession').inputValue(), 'other');
    assert.equal(await options.locator('input[name="threshold"][value="high"]').isChecked(), true);
    assert.equal(await options.locator('input[data-site="x"]').isChecked(), true);
    assert.deepEqual(options.__errors, []);
    const popup = await openExtPage(`popup.html?tab=${await tabIdOf(site)}`, { width: 360, height: 560 });
    assert.equal(await popup.locator('#site-toggle').isChecked(), true);
    assert.deepEqual(popup.__errors, []);
    // A fresh tab starts on defaults as well.
    const fresh = await openSite(SITES.facebook);
    await typeInEditor(fresh, CRITICAL);
    await waitForHighlights(fresh, await flagsOf(CRITICAL));
    await Promise.all([options.close(), popup.close(), fresh.close(), site.close()]);
  });
}

test('welcome: the profession chosen is saved; the privacy promise is stated', async () => {
  await setStored({ ...DEFAULTS, guardThreshold: 'critical' });
  const page = await openExtPage('welcome.html');
  assert.equal(await page.locator('input[name="profession"]').count(), 9);
  await page.locator('label.prof', { hasText: 'Pharmacist' }).click();
  await until(page, async () => (await stored())?.profession === 'pharmacist', 'profession saved');
  assert.equal((await stored()).guardThreshold, 'critical', 'other settings kept');
  const text = await page.locator('body').innerText();
  assert.match(text, /Nothing you type leaves your browser/);
  assert.match(text, /salted hashes/);
  assert.match(text, /No network, no analytics/);
  assert.equal(await page.locator('#checks li').count(), 18);
  await page.screenshot({ path: join(SCREENSHOTS, 'welcome-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENSHOTS, 'welcome-dark.png'), fullPage: true });
  assert.deepEqual(page.__errors, []);
  await page.close();
});
