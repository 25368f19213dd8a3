// The pre-publish guard on the four real editors, with the built extension in Chromium.
// Run after building: node extension/build.mjs && node --test tests/e2e/guard.test.mjs
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openFixture, typeInEditor, SITES } from './harness.mjs';
import {
  CRITICAL, EDITORS, GUARD, SAFE, SCREENSHOTS,
  clickCentre, flagsOf, highOnly, editorHasFocus, guardOpen, modelText, posts, until, waitForHighlights,
} from './helpers.mjs';

let app;
before(async () => {
  app = await launch();
  assert.ok(app.extensionId, 'extension loaded');
});
after(async () => app?.close());
beforeEach(async () => {
  await app.serviceWorker.evaluate(() => chrome.storage.sync.clear());
});

async function open(url) {
  const page = await openFixture(app, url);
  await page.bringToFront(); // background tabs get no animation frames: checks would stall
  await page.waitForFunction(() => document.documentElement.dataset.safepostReady === '1');
  return page;
}

for (const ed of EDITORS) {
  test(`${ed.name}: a critical post stops at the summary; Edit post keeps it; Post anyway posts once`, async () => {
    const page = await open(ed.url);
    await typeInEditor(page, CRITICAL);
    await waitForHighlights(page, await flagsOf(CRITICAL));
    assert.equal(await modelText(page), CRITICAL);

    // Post: the summary appears and the site's own handler never runs.
    await clickCentre(page, ed.button);
    await page.locator(GUARD).waitFor();
    assert.deepEqual(await posts(page), []);
    const dialog = page.locator(GUARD);
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.match(await dialog.innerText(), /Patient identifiers/);
    assert.match(await dialog.innerText(), /Mr Khan/);
    // "Edit post" has the focus by default.
    assert.equal(await page.evaluate(() => {
      const host = document.querySelector('[data-safepost="guard"]');
      return host.shadowRoot.activeElement?.dataset.action;
    }), 'edit');
    await page.screenshot({ path: join(SCREENSHOTS, `guard-${ed.key}-light.png`) });

    // Edit post: back in the editor, text untouched, nothing posted.
    await page.locator(`${GUARD} button[data-action="edit"]`).click();
    assert.equal(await guardOpen(page), false);
    assert.ok(await editorHasFocus(page), 'focus back in the editor');
    assert.equal(await modelText(page), CRITICAL);
    assert.deepEqual(await posts(page), []);
    // The caret is where the user left it: typing carries on at the end.
    await page.keyboard.type('!');
    assert.equal(await modelText(page), CRITICAL + '!');

    // Post again, then Post anyway: exactly one post, with the text as written.
    await clickCentre(page, ed.button);
    await page.locator(GUARD).waitFor();
    await page.locator(`${GUARD} button[data-action="post-anyway"]`).click();
    const done = await until(page, async () => (await posts(page)).length > 0 && posts(page), 'the site posting');
    assert.equal(done.length, 1, 'the site handled Post exactly once');
    assert.equal(done[0].text.trim(), CRITICAL + '!');
    assert.equal(await guardOpen(page), false);
    assert.deepEqual(page.__errors, []);
    await page.close();
  });

  test(`${ed.name}: a safe post goes straight through`, async () => {
    const page = await open(ed.url);
    await typeInEditor(page, SAFE);
    await clickCentre(page, ed.button);
    const done = await until(page, async () => (await posts(page)).length > 0 && posts(page), 'the site posting');
    assert.equal(done.length, 1);
    assert.equal(done[0].text.trim(), SAFE);
    assert.equal(await guardOpen(page), false);
    await page.close();
  });
}

test('X: Ctrl+Enter with a critical finding stops; Post anyway replays the shortcut once', async () => {
  const page = await open(SITES.xHome);
  await typeInEditor(page, CRITICAL);
  await waitForHighlights(page, await flagsOf(CRITICAL));
  await page.keyboard.press('Control+Enter');
  await page.locator(GUARD).waitFor();
  assert.deepEqual(await posts(page), []);
  assert.equal(await modelText(page), CRITICAL);

  // Escape is "Edit post": focus returns to the editor, where typing carries on at the caret.
  await page.keyboard.press('Escape');
  assert.equal(await guardOpen(page), false);
  assert.ok(await editorHasFocus(page));
  await page.keyboard.type('!');
  assert.equal(await modelText(page), CRITICAL + '!');

  await page.keyboard.press('Control+Enter');
  await page.locator(GUARD).waitFor();
  await page.locator(`${GUARD} button[data-action="post-anyway"]`).click();
  const done = await until(page, async () => (await posts(page)).length > 0 && posts(page), 'the shortcut posting');
  assert.equal(done.length, 1);
  assert.equal(done[0].text, CRITICAL + '!');
  await page.close();
});

test('X: Ctrl+Enter on a safe post publishes without a summary', async () => {
  const page = await open(SITES.xHome);
  await typeInEditor(page, SAFE);
  await page.keyboard.press('Control+Enter');
  const done = await until(page, async () => (await posts(page)).length > 0 && posts(page), 'the shortcut posting');
  assert.equal(done.length, 1);
  assert.equal(done[0].text, SAFE);
  assert.equal(await guardOpen(page), false);
  await page.close();
});

test('Facebook: Enter on the focused Post button is guarded too; a click outside is "Edit post"', async () => {
  const page = await open(SITES.facebook);
  await typeInEditor(page, CRITICAL);
  await waitForHighlights(page, await flagsOf(CRITICAL));
  await page.locator(EDITORS[1].button).focus();
  await page.keyboard.press('Enter');
  await page.locator(GUARD).waitFor();
  assert.deepEqual(await posts(page), []);
  // Click on the backdrop, well outside the dialog.
  await page.mouse.click(8, 8);
  assert.equal(await guardOpen(page), false);
  assert.ok(await editorHasFocus(page));
  assert.equal(await modelText(page), CRITICAL);
  assert.deepEqual(await posts(page), []);

  // Post anyway from the keyboard path: the role=button's own keydown handler runs once.
  await page.locator(EDITORS[1].button).focus();
  await page.keyboard.press('Enter');
  await page.locator(GUARD).waitFor();
  await page.keyboard.press('Shift+Tab'); // from "Edit post" to "Post anyway"
  await page.keyboard.press('Enter');
  const done = await until(page, async () => (await posts(page)).length > 0 && posts(page), 'the site posting');
  assert.equal(done.length, 1);
  assert.equal(done[0].text.trim(), CRITICAL);
  await page.close();
});

test('X thread: "Post all" sums every post of the thread; "Show in post 2" selects the phrase there', async () => {
  const page = await open(SITES.xCompose);
  await typeInEditor(page, SAFE, { index: 0 });
  await page.locator('[data-testid="addButton"]').click();
  await page.waitForFunction(() => window.__safepostFixture.editors().length === 2);
  await typeInEditor(page, CRITICAL, { index: 1 });
  await waitForHighlights(page, await flagsOf(CRITICAL));
  await clickCentre(page, '[role="dialog"] [data-testid="tweetButton"]');
  await page.locator(GUARD).waitFor();
  assert.deepEqual(await posts(page), []);
  const link = page.locator(`${GUARD} .sp-link`).first();
  assert.equal(await link.innerText(), 'Show in post 2');
  const phrase = await page.locator(`${GUARD} .sp-quote`).first().innerText();
  await link.click();
  assert.equal(await guardOpen(page), false);
  assert.equal(await page.evaluate(() => String(getSelection())), phrase);
  assert.ok(await editorHasFocus(page, 1));
  assert.equal(await modelText(page, 0), SAFE);
  assert.equal(await modelText(page, 1), CRITICAL);
  await page.close();
});

test('below the threshold nothing is interrupted; disabled Post buttons are left alone', async (t) => {
  const high = await highOnly();
  if (!high) return t.skip('the core flags none of the high-only examples yet');
  // Default threshold "high": a high finding stops.
  let page = await open(SITES.xHome);
  await typeInEditor(page, high.text);
  await waitForHighlights(page, await flagsOf(high.text));
  await clickCentre(page, EDITORS[0].button);
  await page.locator(GUARD).waitFor();
  await page.keyboard.press('Escape');
  await page.close();

  // Threshold "critical": the same post goes straight through.
  await app.serviceWorker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, guardThreshold: 'critical' } }));
  page = await open(SITES.xHome);
  await typeInEditor(page, high.text);
  await waitForHighlights(page, await flagsOf(high.text));
  await clickCentre(page, EDITORS[0].button);
  const done = await until(page, async () => (await posts(page)).length > 0 && posts(page), 'the site posting');
  assert.equal(done.length, 1);
  assert.equal(await guardOpen(page), false);

  // An empty composer: X disables Post (aria-disabled); clicking it opens nothing.
  await clickCentre(page, EDITORS[0].button);
  assert.equal(await page.locator(EDITORS[0].button).getAttribute('aria-disabled'), 'true');
  assert.equal(await guardOpen(page), false);
  assert.equal((await posts(page)).length, 1);
  await page.close();
});

test('screenshots: the summary in dark mode', async () => {
  const page = await open(SITES.linkedinFeedNew);
  await page.emulateMedia({ colorScheme: 'dark' });
  const text = CRITICAL + '. Frequent flyer too. Patient in bed 14 needs a review';
  await typeInEditor(page, text);
  await waitForHighlights(page, await flagsOf(text));
  await clickCentre(page, EDITORS[3].button);
  await page.locator(GUARD).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'guard-linkedin-new-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: join(SCREENSHOTS, 'guard-linkedin-new-light.png') });
  await page.close();
});
