// No interference, proved differentially: seeded random edit scripts (typing, Backspace/Delete,
// newlines, paste, Shift+Arrow selection and replacement, undo/redo, emoji, @mentions,
// #hashtags, risky phrases that SafePost underlines) are replayed on each of the four editors
// twice, in a Chromium with SafePost loaded and in one without it. After every step the editor's
// model text and its visible text (innerText) must be identical in the two runs, and no page
// error may be thrown. SafePost must really be at work: its underlines are checked against the
// core at the end of every script.
//
// Run:      node --test tests/e2e/interference.test.mjs
// Replay:   SAFEPOST_SEED=<seed> SAFEPOST_SCRIPTS=1 SAFEPOST_EDITOR=<name> node --test tests/e2e/interference.test.mjs
//   SAFEPOST_SEED   first script's seed (script i uses seed+i; default 20240601; "random" picks one)
//   SAFEPOST_SCRIPTS scripts per editor (default 40)
//   SAFEPOST_EDITOR  only this editor (x-draft, facebook-lexical, linkedin-quill, linkedin-tiptap)
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, highlightedTexts } from './harness.mjs';
import { coreFindings } from './helpers.mjs';
import {
  EDITOR_KINDS, EXTENSION_FILES, countHighlightsInPage, focusNewEditor, freshEditor, installVirtualClock, mulberry32, nextFrame, pasteText,
} from './proof-helpers.mjs';

const SEED = process.env.SAFEPOST_SEED === 'random'
  ? Math.floor(Math.random() * 2 ** 31)
  : Number(process.env.SAFEPOST_SEED ?? 20240601);
const SCRIPTS = Number(process.env.SAFEPOST_SCRIPTS ?? 40);
const ONLY = process.env.SAFEPOST_EDITOR;
assert.ok(Number.isInteger(SEED) && SCRIPTS > 0, 'SAFEPOST_SEED must be an integer, SAFEPOST_SCRIPTS > 0');

// --- scripts -----------------------------------------------------------------------------------
const WORDS = ['the', 'ward', 'round', 'was', 'busy', 'today', 'thanks', 'team', 'great', 'handover', 'night', 'shift',
  'coffee', 'clinic', 'students', 'teaching', 'audit', 'done', 'and', 'so', 'proud', 'of', 'everyone', 'on', 'call'];
// Phrases the core flags (extension.test.mjs / helpers.mjs), and parts of them.
const RISKY = ['RIP Mr Khan in bed 12, you were a legend', 'NHS no 943 476 5919', 'anyone recognise this rash?',
  'Frequent flyer back again, shock', 'Patient in bed 12 needs a review', 'Mr Khan in bed 12', '943 476 5919'];
const EMOJI = ['\u{1F600}', '\u{1FA7A}', '\u{1F44D}\u{1F3FD}', '\u2764\uFE0F', '\u{1F389}', '\u{1F469}\u200D\u2695\uFE0F', '\u00e9t\u00e9'];
const NAMES = ['sam', 'drobi', 'jo_lee', 'NHSEngland'];
const TAGS = ['NHS', 'MedTwitter', 'FOAMed', 'nursing'];

/**
 * One script: 15-30 steps; each step is a list of actions ['type', text] | ['insert', text] |
 * ['press', key, times] | ['paste', text], and `dt`, how far the page's clock moves before it
 * (30 ms: same undo group as the step before, if the editor groups by time; 1500 ms: a new one).
 */
export function makeScript(seed, { undo }) {
  const r = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (a) => a[Math.floor(r() * a.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sp = () => (r() < 0.8 ? ' ' : '');
  const ops = [
    [22, () => [['type', sp() + words(int(1, 4))]]],
    [8, () => [['type', sp() + pick(RISKY)]]],
    [8, () => [['press', 'Backspace', int(1, 6)]]],
    [4, () => [['press', 'ArrowLeft', int(1, 10)], ['press', 'Delete', int(1, 4)]]],
    [3, () => [['press', 'ControlOrMeta+Backspace', 1]]],
    [5, () => [['press', 'Enter', int(1, 2)]]],
    [7, () => [['paste', pick([pick(RISKY), words(int(2, 6)), `${words(3)}\n${pick(RISKY)}`, `${pick(EMOJI)} ${words(2)}`])]]],
    [6, () => [['press', pick(['ArrowLeft', 'ArrowRight']), int(1, 12)]]],
    [3, () => [['press', pick(['Home', 'End', 'ArrowUp', 'ArrowDown', 'ControlOrMeta+Home', 'ControlOrMeta+End']), 1]]],
    [7, () => [['press', 'Shift+ArrowLeft', int(1, 12)], r() < 0.7 ? ['type', pick([...WORDS, 'Mr Khan', 'bed 12'])] : ['press', 'Backspace', 1]]],
    [3, () => [['press', 'ArrowLeft', int(0, 8)], ['press', 'Shift+ArrowRight', int(1, 8)], ['paste', pick(WORDS)]]],
    [2, () => [['press', 'Shift+Home', 1], ['type', words(2)]]],
    [1, () => [['press', 'ControlOrMeta+a', 1], ['type', pick(RISKY)]]],
    [5, () => [['insert', pick(EMOJI)]]],
    [4, () => [['type', `${sp()}@${pick(NAMES)}`]]],
    [4, () => [['type', `${sp()}#${pick(TAGS)}`]]],
    ...(undo ? [[7, () => [['press', 'ControlOrMeta+z', int(1, 3)]]], [2, () => [['press', 'ControlOrMeta+Shift+z', 1]]]] : []),
  ];
  const total = ops.reduce((s, [w]) => s + w, 0);
  const n = int(15, 30);
  const riskyAt = int(0, 4); // every script underlines something at some point
  const steps = [];
  for (let i = 0; i < n; i++) {
    let actions;
    if (i === riskyAt) actions = [['type', `${i ? ' ' : ''}${pick(RISKY)}`]];
    else {
      let x = r() * total;
      const op = ops.find(([w]) => (x -= w) < 0) || ops[ops.length - 1];
      actions = op[1]();
    }
    steps.push({ dt: r() < 0.5 ? 30 : 1500, actions });
  }
  return steps;
}

// Editing keys are pressed one at a time, each after the page has handled the one before (a
// frame later), as at human speed: editors sync their selection model on the asynchronous
// selectionchange event, so arrows and Delete fired back to back race the editor itself.
// Typed characters go in a burst (they only insert at the caret), then a frame.
async function runActions(page, actions) {
  for (const [kind, arg, times] of actions) {
    if (kind === 'type') { await page.keyboard.type(arg); await nextFrame(page); }
    else if (kind === 'insert') await page.keyboard.insertText(arg);
    else if (kind === 'paste') await pasteText(page, arg);
    else for (let k = 0; k < times; k++) { await page.keyboard.press(arg); await nextFrame(page); }
  }
}

// Main world: advance the virtual clock for the next step; after two frames, what the editor
// holds and shows, and how many SafePost ranges are painted.
function probe(dt, count) {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const f = window.__safepostFixture;
    const e = f.editors()[0];
    const out = { model: f.model(0), text: e ? e.innerText : null, highlights: count() };
    window.__safepostClock.advance(dt);
    resolve(out);
  })));
}

// One expression with both functions' sources (the sites' CSPs forbid eval inside the page).
const snapshot = (page, dt) => page.evaluate(`(${probe.toString()})(${Number(dt)}, ${countHighlightsInPage.toString()})`);

/** Runs one script on a page: [{model, text, highlights}] after each step. */
async function play(page, steps) {
  const out = [];
  for (const step of steps) {
    await runActions(page, step.actions);
    out.push(await snapshot(page, step.dt));
  }
  return out;
}

function replayHint(kind, seed) {
  return `replay: SAFEPOST_SEED=${seed} SAFEPOST_SCRIPTS=1 SAFEPOST_EDITOR=${kind.name} node --test tests/e2e/interference.test.mjs`;
}

// --- the runs ------------------------------------------------------------------------------
let on;
let off;
test.before(async () => {
  [on, off] = await Promise.all([
    launch({ routes: [EXTENSION_FILES] }),
    launch({ extension: false }),
  ]);
  assert.ok(on.extensionId, 'SafePost loaded in the "on" browser');
  await Promise.all([on.context.addInitScript(installVirtualClock), off.context.addInitScript(installVirtualClock)]);
  console.log(`interference: seed ${SEED}, ${SCRIPTS} scripts per editor`);
});
test.after(async () => Promise.all([on?.close(), off?.close()]));

async function openBoth(kind) {
  const [pOn, pOff] = await Promise.all([openFixture(on, kind.url), openFixture(off, kind.url)]);
  await Promise.all([pOn.bringToFront(), pOff.bringToFront()]); // background tabs get no frames
  await pOn.waitForFunction(() => document.documentElement.dataset.safepostReady === '1', null, { timeout: 15000 });
  assert.equal(await pOn.evaluate(() => document.documentElement.dataset.safepostChecker), kind.path);
  assert.equal(await pOff.evaluate(() => document.documentElement.dataset.safepostReady), undefined, 'no SafePost in the "off" browser');
  return [pOn, pOff];
}

for (const kind of EDITOR_KINDS) {
  if (ONLY && ONLY !== kind.name) continue;
  test(`${kind.name}: ${SCRIPTS} random edit scripts give the same model and screen with and without SafePost`, { timeout: 30 * 60_000 }, async () => {
    const [pOn, pOff] = await openBoth(kind);
    const started = Date.now();
    let steps = 0;
    let paintedSteps = 0;
    let pastes = 0;
    let scriptsUnderlined = 0;
    for (let s = 0; s < SCRIPTS; s++) {
      const seed = SEED + s;
      const script = makeScript(seed, kind);
      const fail = (msg) => {
        throw new Error(`${kind.name}, script seed ${seed}: ${msg}\n${replayHint(kind, seed)}\nscript: ${JSON.stringify(script)}`);
      };
      if (s === 0) await Promise.all([focusNewEditor(pOn), focusNewEditor(pOff)]);
      else await Promise.all([freshEditor(pOn, kind), freshEditor(pOff, kind)]);
      const [a, b] = await Promise.all([play(pOn, script), play(pOff, script)]);
      for (let i = 0; i < script.length; i++) {
        if (a[i].model !== b[i].model || a[i].text !== b[i].text) {
          fail(`step ${i} (${JSON.stringify(script[i].actions)}) differs.\n  with SafePost:    model ${JSON.stringify(a[i].model)} screen ${JSON.stringify(a[i].text)}\n  without SafePost: model ${JSON.stringify(b[i].model)} screen ${JSON.stringify(b[i].text)}`);
        }
        if (a[i].highlights > 0) paintedSteps++;
        if (script[i].actions.some(([k]) => k === 'paste') && i > 0 && b[i].model !== b[i - 1].model) pastes++;
      }
      steps += script.length;
      const errs = [...pOn.__errors, ...pOff.__errors].map(String);
      if (errs.length) fail(`page errors: ${errs.join('\n')}`);
      // SafePost was at work: the underlines now are exactly what the core finds in the final text.
      const finalText = a[a.length - 1].model;
      const want = (await coreFindings(finalText)).map((f) => f.text).sort();
      let got;
      for (let t = 0; t < 200; t++) {
        got = (await highlightedTexts(pOn)).map((h) => h.text).sort();
        if (JSON.stringify(got) === JSON.stringify(want)) break;
        await pOn.waitForTimeout(25);
      }
      if (JSON.stringify(got) !== JSON.stringify(want)) fail(`underlines ${JSON.stringify(got)} != core ${JSON.stringify(want)} for ${JSON.stringify(finalText)}`);
      if (want.length) scriptsUnderlined++;
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${kind.name}: ${SCRIPTS} scripts, ${steps} steps, identical; underlines painted after ${paintedSteps} steps, in ${scriptsUnderlined} final texts; ${pastes} pastes changed the text; ${secs} s`);
    assert.ok(paintedSteps >= steps / 4, `SafePost painted underlines after only ${paintedSteps} of ${steps} steps`);
    assert.ok(pastes > 0, 'the synthetic paste reached the editor');
    await Promise.all([pOn.close(), pOff.close()]);
  });
}
