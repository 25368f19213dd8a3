// Proves the fixtures behave like the sites' compose boxes, without the extension.
//   node --test tests/e2e/fixtures.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openFixture, typeInEditor, modelText, posts, attachMedia, settle,
  highlightedTexts, highlightRects, rectsClose, SITES, CSP, withoutWasm,
} from './harness.mjs';

const TEXT = 'Hello world\nsecond line';
let browser;

before(async () => { browser = await launch({ extension: false }); });
after(async () => { await browser?.close(); });

async function noErrors(page) {
  assert.deepEqual(page.__errors.map(String), [], 'page errors');
}

test('X home: Draft editor with X attributes; typing, Post button, post and clear', async () => {
  const page = await openFixture(browser, SITES.xHome);
  const ed = page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"][contenteditable="true"]');
  assert.equal(await ed.getAttribute('role'), 'textbox');
  const cls = await ed.getAttribute('class');
  assert.match(cls, /public-DraftEditor-content/);
  assert.match(cls, /notranslate/);
  const button = page.locator('button[data-testid="tweetButtonInline"]');
  assert.equal(await button.getAttribute('aria-disabled'), 'true');

  await typeInEditor(page, TEXT);
  assert.equal(await modelText(page), TEXT);
  // Draft's DOM: one data-block per line, text in span[data-text=true].
  assert.deepEqual(await ed.locator('div[data-block="true"] span[data-text="true"]').allTextContents(), ['Hello world', 'second line']);
  assert.equal(await button.getAttribute('aria-disabled'), null);

  await button.click();
  const p = await posts(page);
  assert.equal(p.length, 1);
  assert.equal(p[0].text, TEXT);
  assert.equal(typeof p[0].time, 'number');
  assert.equal(await modelText(page), '');
  assert.equal(await button.getAttribute('aria-disabled'), 'true');
  await noErrors(page);
  await page.close();
});

test('X home: Ctrl+Enter in the editor posts; emoji typed via insertText', async () => {
  const page = await openFixture(browser, SITES.xHome);
  await typeInEditor(page, 'Shortcut post \u{1F469}\u200D\u2695\uFE0F ok');
  assert.equal(await modelText(page), 'Shortcut post \u{1F469}\u200D\u2695\uFE0F ok');
  await page.keyboard.press('Control+Enter');
  await settle(page);
  assert.deepEqual((await posts(page)).map((p) => p.text), ['Shortcut post \u{1F469}\u200D\u2695\uFE0F ok']);
  assert.equal(await modelText(page), '');
  await noErrors(page);
  await page.close();
});

test('X compose modal: thread of two editors, Post all records both and closes', async () => {
  const page = await openFixture(browser, SITES.xCompose);
  assert.equal(await page.locator('[role="dialog"] [data-testid="tweetTextarea_0"][contenteditable="true"]').count(), 1);
  await typeInEditor(page, TEXT);
  await page.click('[role="dialog"] [data-testid="addButton"]');
  await page.locator('[role="dialog"] [data-testid="tweetTextarea_1"][contenteditable="true"]').waitFor();
  await typeInEditor(page, 'Thread part two', { index: 1 });
  assert.equal(await modelText(page, 0), TEXT);
  assert.equal(await modelText(page, 1), 'Thread part two');
  await attachMedia(page, 1);
  assert.equal(await page.locator('[role="dialog"] [data-testid="attachments"] img').count(), 1);
  const button = page.locator('[role="dialog"] button[data-testid="tweetButton"]');
  assert.equal(await button.getAttribute('aria-disabled'), null);
  await button.click();
  assert.deepEqual((await posts(page)).map((p) => p.text), [TEXT, 'Thread part two']);
  await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).pathname, '/home');
  await noErrors(page);
  await page.close();
});

test('X: the compose editor appears later through SPA navigation (pushState)', async () => {
  const page = await openFixture(browser, SITES.xHome);
  assert.equal(await page.locator('[role="dialog"]').count(), 0);
  await page.click('[data-testid="SideNav_NewTweet_Button"]');
  await page.locator('[role="dialog"] [data-testid="tweetTextarea_0"][contenteditable="true"]').waitFor();
  assert.equal(new URL(page.url()).pathname, '/compose/post');
  // The home composer stays mounted behind the modal; editors() lists the modal's only.
  assert.equal(await page.evaluate(() => window.__safepostFixture.allEditors().length), 2);
  await typeInEditor(page, 'from the modal');
  assert.equal(await modelText(page), 'from the modal');
  await page.goBack();
  await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
  await noErrors(page);
  await page.close();
});

test('Facebook: Lexical editor mounts after the dialog; aria-disabled Post; post closes', async () => {
  const page = await openFixture(browser, SITES.facebook, { open: false });
  assert.equal(await page.locator('[data-lexical-editor]').count(), 0);
  // Timestamps of the dialog's and the editor's insertion, recorded in the page (robust under load).
  await page.evaluate(() => {
    const seen = (window.__mounts = {});
    new MutationObserver(() => {
      if (!seen.dialog && document.querySelector('[role="dialog"][aria-label="Create post"]')) seen.dialog = performance.now();
      if (!seen.editor && document.querySelector('[role="dialog"] [data-lexical-editor="true"]')) seen.editor = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.click('[data-testid="safepost-fixture-opener"]');
  const dialog = page.locator('div[role="dialog"][aria-label="Create post"]');
  const ed = dialog.locator('[contenteditable="true"][role="textbox"][data-lexical-editor="true"]');
  await ed.waitFor();
  const mounts = await page.evaluate(() => window.__mounts);
  assert.ok(mounts.editor - mounts.dialog >= 250, `editor mounted after the dialog: ${JSON.stringify(mounts)}`);
  assert.equal(await ed.getAttribute('aria-label'), "What's on your mind, Sam?");
  const button = dialog.locator('div[role="button"][aria-label="Post"]');
  assert.equal(await button.getAttribute('aria-disabled'), 'true');

  await typeInEditor(page, TEXT);
  assert.equal(await modelText(page), TEXT);
  assert.equal(await ed.locator('p span[data-lexical-text="true"]').first().textContent(), 'Hello world');
  assert.equal(await button.getAttribute('aria-disabled'), 'false');
  await button.click();
  assert.deepEqual((await posts(page)).map((p) => p.text), [TEXT]);
  await dialog.waitFor({ state: 'detached' });
  // Reopening gives an empty editor.
  await page.click('[data-testid="safepost-fixture-opener"]');
  await ed.waitFor();
  assert.equal(await modelText(page), '');
  await noErrors(page);
  await page.close();
});

test('LinkedIn classic: Quill inside the open shadow root, placeholder dialog swapped, caret correct', async () => {
  const page = await openFixture(browser, SITES.linkedinClassic, { open: false });
  await page.evaluate(() => {
    const shadow = document.getElementById('interop-outlet').shadowRoot;
    const seen = (window.__mounts = {});
    new MutationObserver(() => {
      if (!seen.placeholder && shadow.querySelector('.share-box-v2__modal--loading')) seen.placeholder = performance.now();
      if (!seen.editor && shadow.querySelector('.ql-editor')) seen.editor = performance.now();
    }).observe(shadow, { childList: true, subtree: true });
  });
  await page.click('button.share-box-feed-entry__trigger');
  const sel = '.share-creation-state__text-editor .ql-editor[contenteditable="true"][role="textbox"][aria-label="Text editor for creating content"]';
  await page.locator(sel).waitFor();
  // ...and the editor is invisible to document.querySelector, visible through the shadow root.
  const where = await page.evaluate((s) => ({
    light: document.querySelector(s) !== null,
    shadow: document.querySelector('div#interop-outlet[data-testid="interop-shadowdom"]').shadowRoot.querySelector(s) !== null,
  }), sel);
  assert.deepEqual(where, { light: false, shadow: true });
  // The placeholder dialog came first, without an editor, and was swapped for the real one.
  const mounts = await page.evaluate(() => window.__mounts);
  assert.ok(mounts.editor - mounts.placeholder >= 400, `placeholder then editor: ${JSON.stringify(mounts)}`);
  assert.equal(await page.locator('.share-box-v2__modal--loading').count(), 0);

  const button = page.locator('button.share-actions__primary-action');
  assert.equal(await button.isDisabled(), true);
  await typeInEditor(page, TEXT);
  assert.equal(await modelText(page), TEXT);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('X');
  assert.equal(await modelText(page), 'Hello world\nsecond linXe');
  assert.equal(await button.isDisabled(), false);
  await button.click();
  assert.deepEqual((await posts(page)).map((p) => p.text), ['Hello world\nsecond linXe']);
  await page.locator(sel).waitFor({ state: 'detached' });
  await noErrors(page);
  await page.close();
});

test('LinkedIn new (/sharing/compose/): TipTap editor; Post is the last text-only button', async () => {
  const page = await openFixture(browser, SITES.linkedinNew);
  const ed = page.locator('.tiptap.ProseMirror[contenteditable="true"][role="textbox"][componentkey="ShareBox_textEditor"]');
  assert.equal(await ed.getAttribute('aria-label'), 'Text editor for creating content');
  const lastTextButton = () => page.evaluate(() => {
    const b = Array.from(document.querySelectorAll('button')).filter((x) => x.children.length === 0 && x.textContent.trim());
    const last = b[b.length - 1];
    return { text: last.textContent.trim(), disabled: last.disabled };
  });
  assert.deepEqual(await lastTextButton(), { text: 'Post', disabled: true });
  await typeInEditor(page, TEXT);
  assert.equal(await modelText(page), TEXT);
  assert.deepEqual(await lastTextButton(), { text: 'Post', disabled: false });
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  assert.deepEqual((await posts(page)).map((p) => p.text), [TEXT]);
  assert.equal(await modelText(page), '');
  await noErrors(page);
  await page.close();
});

test('LinkedIn feed with the new composer in a native <dialog>', async () => {
  const page = await openFixture(browser, SITES.linkedinFeedNew);
  assert.equal(await page.locator('dialog[open] .tiptap.ProseMirror[componentkey="ShareBox_textEditor"]').count(), 1);
  await typeInEditor(page, TEXT);
  assert.equal(await modelText(page), TEXT);
  await page.locator('dialog[open] button', { hasText: /^Post$/ }).click();
  assert.deepEqual((await posts(page)).map((p) => p.text), [TEXT]);
  await page.locator('dialog').waitFor({ state: 'detached' });
  await noErrors(page);
  await page.close();
});

test('every fixture: attachMedia shows a preview, the page scrolls', async () => {
  const cases = [
    [SITES.xHome, '[data-testid="primaryColumn"] [data-testid="attachments"] img'],
    [SITES.facebook, '[role="dialog"] .fb-attachments img'],
    [SITES.linkedinClassic, '.share-creation-state__additional-content img'],
    [SITES.linkedinNew, '.share-compose__media img'],
  ];
  for (const [url, img] of cases) {
    const page = await openFixture(browser, url);
    await attachMedia(page);
    await page.locator(img).waitFor();
    const scroll = await page.evaluate(() => {
      window.scrollTo(0, 400);
      return { h: document.scrollingElement.scrollHeight, vh: innerHeight, y: scrollY };
    });
    assert.ok(scroll.h > scroll.vh + 400, `${url} scrollable: ${JSON.stringify(scroll)}`);
    assert.equal(scroll.y, 400, `${url} scrolled`);
    await noErrors(page);
    await page.close();
  }
});

test('CSP: headers served; no inline script runs; WebAssembly allowed on X/Facebook, blocked on LinkedIn', async () => {
  const cases = [
    [SITES.xHome, CSP.x, '/__fixture/shared/wasm-probe.js', 'ok'],
    [SITES.facebook, CSP.facebook, '/__fixture/shared/wasm-probe.js', 'ok'],
    [SITES.linkedinClassic, CSP.linkedin, 'https://static.licdn.com/sc/h/safepost-fixture/shared/wasm-probe.js', 'blocked'],
    [SITES.linkedinNew, CSP.linkedin, 'https://static.licdn.com/sc/h/safepost-fixture/shared/wasm-probe.js', 'blocked'],
  ];
  for (const [url, csp, probe, expected] of cases) {
    const context = browser.context;
    const page = await context.newPage();
    const resp = await page.goto(url);
    assert.equal(resp.headers()['content-security-policy'], csp);
    await page.waitForFunction(() => window.__safepostFixture && window.__safepostFixture.ready);
    const inline = await page.evaluate(() => new Promise((resolve) => {
      const done = (violated) => resolve({ ran: window.__inlineRan === true, violated });
      document.addEventListener('securitypolicyviolation', (e) => {
        if (e.violatedDirective.startsWith('script-src')) done(true);
      });
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.append(s); // runs synchronously here if the CSP allowed it
      setTimeout(() => done(false), 5000);
    }));
    assert.deepEqual(inline, { ran: false, violated: true }, `${url} inline script`);
    await page.evaluate((src) => { const s = document.createElement('script'); s.src = src; document.head.append(s); }, probe);
    await page.waitForFunction(() => document.documentElement.dataset.wasmProbe);
    const result = await page.evaluate(() => document.documentElement.dataset.wasmProbe);
    assert.ok(result.startsWith(expected), `${url} wasm probe: ${result}`);
    await page.close();
  }
});

test('cspOverride: X under a policy without wasm-unsafe-eval still works, WebAssembly blocked', async () => {
  const b = await launch({ extension: false, cspOverride: { x: withoutWasm(CSP.x) } });
  try {
    const page = await openFixture(b, SITES.xHome);
    await typeInEditor(page, 'still works');
    assert.equal(await modelText(page), 'still works');
    await page.evaluate(() => { const s = document.createElement('script'); s.src = '/__fixture/shared/wasm-probe.js'; document.head.append(s); });
    await page.waitForFunction(() => document.documentElement.dataset.wasmProbe);
    assert.match(await page.evaluate(() => document.documentElement.dataset.wasmProbe), /^blocked/);
  } finally {
    await b.close();
  }
});

test('highlight helpers read CSS.highlights (also inside the shadow root) and measure rects', async () => {
  const page = await openFixture(browser, SITES.linkedinClassic);
  await typeInEditor(page, 'Mr Khan in bed 12\nNHS no 943 476 5919');
  await page.evaluate(() => {
    const root = window.__safepostFixture.editors()[0];
    const lines = root.querySelectorAll('p');
    const mk = (node, s, e) => { const r = new Range(); r.setStart(node, s); r.setEnd(node, e); return r; };
    const l1 = lines[0].firstChild, l2 = lines[1].firstChild;
    CSS.highlights.set('safepost-high', new Highlight(mk(l2, 7, 19)));
    CSS.highlights.set('safepost-critical', new Highlight(mk(l1, 0, 7), mk(l1, 11, 17)));
    CSS.highlights.set('other-extension', new Highlight(mk(l1, 0, 2)));
  });
  assert.deepEqual(await highlightedTexts(page), [
    { name: 'safepost-critical', text: 'Mr Khan' },
    { name: 'safepost-critical', text: 'bed 12' },
    { name: 'safepost-high', text: '943 476 5919' },
  ]);
  const m = await highlightRects(page, ['bed 12']);
  assert.equal(m.source, 'css.highlights');
  for (const h of m.highlights) assert.ok(rectsClose(h.rects, h.expected), `${h.text} rects`);
  assert.ok(rectsClose(m.highlights[1].rects, m.phrases['bed 12']));
  await page.close();
});

test('demo start page links to every fixture; twitter.com serves the X fixture too', async () => {
  const page = await browser.context.newPage();
  await page.goto(SITES.demo);
  const links = await page.locator('a').evaluateAll((as) => as.map((a) => a.href));
  for (const url of [SITES.xHome, SITES.xCompose, SITES.facebook, SITES.linkedinClassic, SITES.linkedinNew, SITES.linkedinFeedNew]) {
    assert.ok(links.includes(url), `demo links ${url}`);
  }
  await page.close();
  const tw = await openFixture(browser, 'https://twitter.com/home');
  await typeInEditor(tw, 'legacy domain');
  assert.equal(await modelText(tw), 'legacy domain');
  await noErrors(tw);
  await tw.close();
});
