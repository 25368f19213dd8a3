// SafePost demo: Chromium with the extension from dist/ and the four compose-box fixtures.
//   node tests/e2e/demo.mjs
// With a display (DISPLAY set, not CI): opens https://safepost.demo/ headed and waits until the
// browser is closed. Headless: types a risky post into each editor and saves full-page
// screenshots to dist/demo/<name>.png.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openFixture, typeInEditor, highlightedTexts, SITES, REPO } from './harness.mjs';

const headed = Boolean(process.env.DISPLAY) && !process.env.CI;
const dist = join(REPO, 'dist');
const hasExtension = existsSync(join(dist, 'manifest.json'));
if (!hasExtension) console.warn(`warning: no extension in ${dist} (run the build first); running the fixtures without it`);

const POSTS = [
  ['x-home', SITES.xHome, 'RIP Mr Khan in bed 12, you were a legend. NHS no 943 476 5919'],
  ['facebook', SITES.facebook, 'Tough night shift. Mrs Jones (DOB 03/04/1951) in bay 4 passed away at 3am, RIP. Her daughter is a nurse on our ward!'],
  ['linkedin-classic', SITES.linkedinClassic, 'Proud of our ICU team! John Smith, 47, bed 7, survived his overdose. NHS number 943 476 5919.'],
  ['linkedin-new', SITES.linkedinNew, "Patient in side room 12 at St Mary's told me his HIV status today. Can't believe it. #nursing"],
];

const browser = await launch({ extension: hasExtension, headless: !headed });
if (browser.extensionId) console.log(`extension: chrome-extension://${browser.extensionId}/`);
try {
  if (headed) {
    const page = await browser.context.newPage();
    await page.goto(SITES.demo);
    console.log(`demo start page: ${SITES.demo}`);
    for (const [name, url] of POSTS) console.log(`  ${name}: ${url}`);
    console.log('close the browser window to finish');
    await new Promise((resolve) => browser.context.on('close', resolve));
  } else {
    const outDir = join(dist, 'demo');
    mkdirSync(outDir, { recursive: true });
    for (const [name, url, text] of POSTS) {
      const page = await openFixture(browser, url);
      await typeInEditor(page, text);
      await page.waitForTimeout(1500);
      const file = join(outDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const marks = await highlightedTexts(page);
      console.log(`${url}\n  -> ${file}  (${marks.length} highlight${marks.length === 1 ? '' : 's'}${marks.length ? ': ' + marks.map((m) => JSON.stringify(m.text)).join(', ') : ''})`);
      if (page.__errors.length) console.log(`  page errors: ${page.__errors.map(String).join('; ')}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
