// Mozilla's linter (web-ext lint = addons-linter, the checks addons.mozilla.org runs) on the built
// extension in dist/: no errors and no warnings, with the AMO-listing checks left on (no
// --self-hosted). Runs offline: no config discovery, no update check.
// Run after building: node extension/build.mjs && node --test tests/node/webext-lint.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(REPO, 'dist');
const WEB_EXT = join(REPO, 'node_modules', 'web-ext', 'bin', 'web-ext.js');

/** Runs `web-ext lint` on dist/ and returns its JSON report. */
async function lint() {
  const args = [
    WEB_EXT, 'lint',
    '--source-dir', DIST,
    '--output', 'json',
    '--no-config-discovery',
    '--boring',
    // What build.sh and the e2e tests leave beside the extension is not part of it.
    '--ignore-files', '*.zip', 'screenshots/**', 'demo/**',
  ];
  const env = { ...process.env, NO_UPDATE_NOTIFIER: '1' };
  let stdout;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, args, { cwd: REPO, env, maxBuffer: 16 << 20 }));
  } catch (e) {
    // Exit code 1 means "errors found"; the JSON report is still on stdout.
    if (!e.stdout) throw e;
    stdout = e.stdout;
  }
  return JSON.parse(stdout.slice(stdout.indexOf('{')));
}

const describe = (m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}: ${m.message} ${m.description ?? ''}`.trim();

test('web-ext lint on dist/: no errors, no warnings', { timeout: 300_000 }, async (t) => {
  assert.ok(existsSync(WEB_EXT), 'web-ext is not installed: npm ci');
  assert.ok(existsSync(join(DIST, 'manifest.json')), 'dist/ is not built: ./build.sh (or node extension/build.mjs)');
  const report = await lint();
  for (const n of report.notices) t.diagnostic(`notice: ${describe(n)}`);
  t.diagnostic(`summary: ${JSON.stringify(report.summary)}; scanned ${report.metadata?.totalScannedFileSize} bytes`);
  assert.deepEqual(report.errors.map(describe), [], 'web-ext lint errors');
  assert.deepEqual(report.warnings.map(describe), [], 'web-ext lint warnings');

  // The one manifest serves both browsers: Chrome's service worker and Firefox's event page.
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual(manifest.background.scripts, ['background.js']);
  assert.equal(report.metadata.id, manifest.browser_specific_settings.gecko.id);
  assert.ok(manifest.browser_specific_settings.gecko.data_collection_permissions, 'data_collection_permissions declared');
});
