// Backlot's browser test: serves a built web folder (web/build.sh) on 127.0.0.1, opens it in the
// system's headless Chromium (software WebGL2 through SwiftShader) and checks each scenario by
// numbers: screenshots that are not a flat colour, saves that survive a reload, a broken save
// that is set aside, and no panic.
//
//   node web/test/browser.mjs [--dist DIR] [--out DIR] [--only name,name] [--timeout SECONDS]
//
// --dist defaults to dist/ and --out to target/browser-test/ at the repository root. It writes
// DIR/<scenario>.png, DIR/console.log and DIR/results.json. Exit code 0 only if every
// check passed, 1 if any failed, 2 if the run could not start. CHROMIUM overrides the browser
// (default /usr/bin/chromium); playwright-core only drives it and never downloads one.

import { createServer } from 'node:http';
import { createReadStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import pngjs from 'pngjs';

const { PNG } = pngjs;

// ---- Thresholds (tune against real screenshots; results.json records every figure) ----

// Any screen: the picture is not flat (a blank, black or single-colour canvas fails).
const FLAT_MIN_LUMA_STDDEV = 10;
const FLAT_MIN_DISTINCT_COLOURS = 50; // exact 8-bit RGB colours over the whole picture
// The stage seen through the cinema camera: real scene content on the LED wall in the middle
// 50% × 50% of the picture, not a flat colour and not black.
const WALL_MIN_LUMA_STDDEV = 12;
const WALL_MIN_DISTINCT_COLOURS = 200; // after quantising to 5 bits per channel
const WALL_MIN_LUMA_MEAN = 15;
// Typing into Stop 5's prompt box (at 1280x720) must draw the letters: that many pixels change.
// The box moves when the text above it changes (the brief, the task list), so the test finds
// it in the picture: the only outline in the left column that starts at its edge and is
// PROMPT_BOX_WIDTH wide, drawn in egui's text-box stroke colour.
const PROMPT_BOX_STROKE = [128, 136, 156];
const PROMPT_BOX_WIDTH = { min: 250, max: 355 };
const PROMPT_BOX_HEIGHT = { min: 18, max: 50 };
const TYPED_MIN_CHANGED_PIXELS = 150;
// The settings window at 1280x720, scrolled to its end: where to scroll and the two buttons.
const SETTINGS_SCROLL = { x: 320, y: 400 };
const SETTINGS_SAVE_COPY = { x: 158, y: 453 };
const SETTINGS_LOAD_COPY = { x: 378, y: 453 };
// The teacher panel at 1280x720: its "Import a bank" button.
const TEACHER_IMPORT = { x: 176, y: 366 };
// A teacher's GIFT bank with two questions.
const GOOD_BANK = '::Pulldown:: How many film frames become 5 video frames in 2:3 pulldown? {=4 ~5 ~6}\n\n' +
  '::Drop:: Drop-frame timecode drops frames of picture. {F}\n';
// A progress file with Stops 0 and 1 passed, as the game writes it (in the profile "Player").
const TWO_STOPS_PASSED = '(version: 1, unlocked: [true, true, true, false, false, false, false], ' +
  'gates: {0: (passed: true, questions: []), 1: (passed: true, questions: [])})';

// ---- Settings ----

// Software rendering is slow: a small canvas unless --size asks for more (e.g. for pictures).
const DEFAULT_SIZE = '640x360';
const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', // WebGL2 on the CPU, the same on every machine
  '--enable-unsafe-swiftshader',
  '--autoplay-policy=no-user-gesture-required', // audio starts without a click
  '--no-sandbox', // the test runs as root in CI
];
const NAVIGATION_TIMEOUT_MS = 120_000;
const BROKEN_SAVE = '(version: 1, unlocked: [tr';
// The default profile's save: a page opened with no profile chosen plays as "Player".
const SAVE_KEY = 'backlot/profiles/player/progress.ron';
const WINIT_CONTROL_FLOW = "Using exceptions for control flow, don't mind me.";
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.wgsl': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ron': 'text/plain; charset=utf-8',
  '.wav': 'audio/wav',
  '.ktx2': 'image/ktx2',
};
// A blank page on the game's origin, to read and write its localStorage without starting it.
const BLANK_PATH = '/__test/blank.html';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: options } = parseArgs({
  options: {
    dist: { type: 'string', default: join(root, 'dist') },
    out: { type: 'string', default: join(root, 'target', 'browser-test') },
    only: { type: 'string' },
    timeout: { type: 'string', default: '300' }, // seconds to wait for each ready signal
    size: { type: 'string', default: DEFAULT_SIZE },
  },
});
const [sizeW, sizeH] = options.size.split('x').map(Number);
if (!(sizeW >= 160 && sizeH >= 90)) {
  console.error(`browser.mjs: --size ${options.size} should look like 640x360`);
  process.exit(2);
}
const VIEWPORT = { width: sizeW, height: sizeH };
// Bevy's warning when a frame has more lights than WebGL2 renders (it drops the rest).
const LIGHT_LIMIT_WARNING = 'exceeding the supported limit';
const dist = resolve(options.dist);
const out = resolve(options.out);
const readyTimeoutMs = Number(options.timeout) * 1000;
try {
  statSync(join(dist, 'index.html'));
} catch {
  console.error(`browser.mjs: no index.html in ${dist}; build first: bash web/build.sh`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const log = (line) => console.log(`[${elapsed()}] ${line}`);

// ---- The web server: the dist folder as a school's web server would serve it ----

const requests404 = [];
function serve(request, response) {
  let path;
  try {
    path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  if (path === BLANK_PATH) {
    response.writeHead(200, { 'Content-Type': MIME['.html'] });
    response.end('<!doctype html><title>blank</title><link rel="icon" href="data:,">');
    return;
  }
  const file = resolve(dist, '.' + (path.endsWith('/') ? path + 'index.html' : path));
  let size = -1;
  if (file === dist || file.startsWith(dist + sep)) {
    try {
      const stat = statSync(file);
      if (stat.isFile()) size = stat.size;
    } catch {
      // missing: 404 below
    }
  }
  if (size < 0) {
    requests404.push(path);
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found\n');
    return;
  }
  response.writeHead(200, {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(response);
}
const server = createServer(serve);
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
log(`serving ${dist} at ${origin}`);

// ---- Pictures by numbers ----

// Luminance mean and spread, and distinct colours, over a rectangle of a decoded PNG.
function imageStats(png, region = { x: 0, y: 0, width: png.width, height: png.height }, bits = 8) {
  const shift = 8 - bits;
  const colours = new Set();
  let sum = 0;
  let sumSquares = 0;
  let n = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      const luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      sum += luma;
      sumSquares += luma * luma;
      n++;
      colours.add(((r >> shift) << 16) | ((g >> shift) << 8) | (b >> shift));
    }
  }
  const mean = sum / n;
  const stddev = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
  const round = (v) => Math.round(v * 10) / 10;
  return { mean: round(mean), stddev: round(stddev), colours: colours.size, bits };
}

// Pixels that differ (by more than a rounding step) between two pictures inside `region`.
function changedPixels(a, b, region) {
  let changed = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * a.width + x) * 4;
      const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) +
        Math.abs(a.data[i + 2] - b.data[i + 2]);
      if (d > 24) changed++;
    }
  }
  return changed;
}

// The prompt box's outline in `png`: a row run of stroke-coloured pixels from the left edge
// (x < 20) PROMPT_BOX_WIDTH long, and the same run again PROMPT_BOX_HEIGHT below. Null if none.
function findPromptBox(png) {
  const isStroke = (x, y) => {
    const i = (y * png.width + x) * 4;
    return PROMPT_BOX_STROKE.every((c, k) => Math.abs(png.data[i + k] - c) <= 20);
  };
  const runAt = (y) => {
    let start = -1;
    for (let x = 0; x < Math.min(png.width, 400); x++) {
      if (isStroke(x, y)) {
        if (start < 0) start = x;
      } else if (start >= 0) {
        const width = x - start;
        if (start < 20 && width >= PROMPT_BOX_WIDTH.min && width <= PROMPT_BOX_WIDTH.max) return { x: start, width };
        start = -1;
      }
    }
    return null;
  };
  for (let top = 0; top < png.height; top++) {
    const run = runAt(top);
    if (!run) continue;
    for (let bottom = top + PROMPT_BOX_HEIGHT.min; bottom < Math.min(png.height, top + PROMPT_BOX_HEIGHT.max); bottom++) {
      const other = runAt(bottom);
      if (other && Math.abs(other.x - run.x) <= 2) {
        return { x: run.x, y: top, width: run.width, height: bottom - top + 1 };
      }
    }
  }
  return null;
}

function centre(png) {
  return {
    x: Math.floor(png.width / 4),
    y: Math.floor(png.height / 4),
    width: Math.floor(png.width / 2),
    height: Math.floor(png.height / 2),
  };
}

// ---- The browser ----

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
let browser;
try {
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
} catch (error) {
  console.error(`browser.mjs: could not start Chromium at ${executablePath}: ${error.message}`);
  server.close();
  process.exit(2);
}
// One context for the whole run: localStorage lives on across pages and reloads.
const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
log(`Chromium ${browser.version()}, viewport ${VIEWPORT.width}x${VIEWPORT.height}`);

const consoleLines = [];
let current; // the scenario being run: its console messages and failures go to it

async function newPage() {
  const page = await context.newPage();
  page.setDefaultTimeout(NAVIGATION_TIMEOUT_MS);
  page.on('console', (message) => {
    const text = message.text();
    consoleLines.push(`[${current.name}] [${message.type()}] ${text}`);
    if (text.includes('panicked')) current.fail(`panic: ${text.split('\n').slice(0, 3).join(' | ')}`);
    if (text.includes(LIGHT_LIMIT_WARNING)) current.fail(`too many lights for WebGL2: ${text.slice(0, 200)}`);
  });
  page.on('pageerror', (error) => {
    const text = error.stack || error.message || String(error);
    consoleLines.push(`[${current.name}] [pageerror] ${text}`);
    if (!text.includes(WINIT_CONTROL_FLOW)) current.fail(`page error: ${error.message}`);
  });
  page.on('crash', () => current.fail('the page crashed'));
  return page;
}

// Opens the game at `query` and waits until it signals ready (or shows a fatal error).
async function openGame(page, query) {
  const url = `${origin}/${query}`;
  log(`  open ${query}`);
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () => window.backlotReady === true || window.backlotError !== undefined,
    null,
    { timeout: readyTimeoutMs, polling: 250 },
  );
  const state = await page.evaluate(() => ({
    error: window.backlotError,
    firstFrameMs: window.backlotFirstFrame,
    title: document.title,
    // Figures the game reports with page::report (window.backlot_<name>).
    reports: Object.fromEntries(Object.keys(window)
      .filter((k) => k.startsWith('backlot_'))
      .map((k) => [k.slice('backlot_'.length), window[k]])),
  }));
  state.readyMs = Date.now() - t0;
  if (state.error !== undefined) throw new Error(`the page shows: ${state.error}`);
  log(`  ready in ${(state.readyMs / 1000).toFixed(1)} s, first frame at ` +
      `${state.firstFrameMs === undefined ? '?' : (state.firstFrameMs / 1000).toFixed(1) + ' s'}`);
  return state;
}

async function screenshot(page, name) {
  return PNG.sync.read(await page.screenshot({ path: join(out, `${name}.png`) }));
}

// Records a "not flat" check of the whole picture.
function checkNotFlat(result, png, key = 'image') {
  const stats = imageStats(png);
  result.stats[key] = stats;
  if (stats.stddev <= FLAT_MIN_LUMA_STDDEV) {
    result.fail(`${key}: luminance std dev ${stats.stddev} <= ${FLAT_MIN_LUMA_STDDEV} (flat picture)`);
  }
  if (stats.colours < FLAT_MIN_DISTINCT_COLOURS) {
    result.fail(`${key}: ${stats.colours} distinct colours < ${FLAT_MIN_DISTINCT_COLOURS} (flat picture)`);
  }
}

async function storage(page, key) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

// Clears the game origin's localStorage, then sets `items`, from a blank page on that origin.
async function resetStorage(page, items = {}) {
  await page.goto(origin + BLANK_PATH);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, items);
}

// A click the game sees whatever its frame rate: egui reads the pointer once a frame, and a
// press and release inside one (slow, software-rendered) frame can be missed.
async function press(page, { x, y }) {
  await page.mouse.move(x, y);
  await page.waitForTimeout(500);
  await page.mouse.down();
  await page.waitForTimeout(300);
  await page.mouse.up();
}

// A press that should make the page raise `event` (a file chooser, a download). A slow
// software-rendered frame can open a panel late or miss a press, so it presses up to three
// times; a page that never raises the event still fails.
async function pressFor(page, at, event, tries = 3) {
  for (let attempt = 1; ; attempt++) {
    const raised = page.waitForEvent(event, { timeout: 15_000 });
    await press(page, at);
    try {
      return await raised;
    } catch (error) {
      if (attempt >= tries) throw error;
      log(`  no ${event} after press ${attempt}; pressing again`);
    }
  }
}

// Opens Settings (F3) and scrolls to its last section, "Your progress".
async function openProgressSettings(page) {
  await page.focus('#backlot');
  await page.keyboard.press('F3');
  await page.waitForTimeout(2000);
  await page.mouse.move(SETTINGS_SCROLL.x, SETTINGS_SCROLL.y);
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(2000);
}

// ---- Scenarios, in order ----

// A screen that only has to show a real picture.
const plain = (name, query) => ({
  name,
  async run(page, result) {
    Object.assign(result.timings, pick(await openGame(page, query), result));
    checkNotFlat(result, await screenshot(page, name));
  },
});

// A screen opened with keys, as a teacher would: the picture must change when they are pressed
// (the window really opened) and show something real.
const withKeys = (name, query, keys) => ({
  name,
  async run(page, result) {
    Object.assign(result.timings, pick(await openGame(page, query), result));
    await page.focus('#backlot');
    const before = await screenshot(page, `${name}-before`);
    for (const key of keys) await page.keyboard.press(key);
    await page.waitForTimeout(3000);
    const after = await screenshot(page, name);
    checkNotFlat(result, after);
    const whole = { x: 0, y: 0, width: after.width, height: after.height };
    const changed = changedPixels(before, after, whole);
    result.stats.pixelsChanged = changed;
    if (changed < after.width * after.height * 0.05) {
      result.fail(`only ${changed} pixels changed after pressing ${keys.join(', ')}`);
    }
  },
});

function pick(state, result) {
  result.title = state.title;
  if (Object.keys(state.reports).length) result.reports = state.reports;
  return { readyMs: state.readyMs, firstFrameMs: state.firstFrameMs };
}

// The stage at a quality level: Low is what a Chromebook (and SwiftShader) picks by itself.
const stage = (name, view, quality, frames = 40) => ({
  name,
  async run(page, result) {
    const query = `?stop=2&screen=level&view=${view}&scene=tokyo&frames=${frames}&seed=1&quality=${quality}`;
    Object.assign(result.timings, pick(await openGame(page, query), result));
    const png = await screenshot(page, name);
    checkNotFlat(result, png);
    if (view !== 'camera') return;
    const wall = imageStats(png, centre(png), 5);
    result.stats.centre = wall;
    if (wall.stddev <= WALL_MIN_LUMA_STDDEV) {
      result.fail(`centre: luminance std dev ${wall.stddev} <= ${WALL_MIN_LUMA_STDDEV} (no scene on the wall)`);
    }
    if (wall.colours < WALL_MIN_DISTINCT_COLOURS) {
      result.fail(`centre: ${wall.colours} distinct 5-bit colours < ${WALL_MIN_DISTINCT_COLOURS} (no scene on the wall)`);
    }
    if (wall.mean <= WALL_MIN_LUMA_MEAN) {
      result.fail(`centre: mean luminance ${wall.mean} <= ${WALL_MIN_LUMA_MEAN} (near black)`);
    }
  },
});

const scenarios = [
  {
    // The first screen, and the sound path: the game's audio output is a running AudioContext
    // (the test's browser allows autoplay; a real one waits for the first click or key).
    name: 'title',
    async run(page, result) {
      Object.assign(result.timings, pick(await openGame(page, '?frames=10'), result));
      checkNotFlat(result, await screenshot(page, 'title'));
      const audio = await page.evaluate(() => window.backlotAudio.contexts.map((c) => c.state));
      result.audio = audio;
      if (!audio.includes('running')) result.fail(`no running AudioContext: ${JSON.stringify(audio)}`);
    },
  },
  plain('lot', '?screen=map&frames=20'),
  stage('stage-camera', 'camera', 'low'),
  stage('stage-witness', 'witness', 'standard'),
  // High on WebGL2: the virtual sun's shadows and the glow (bloom), which WebGL2 draws with a
  // texture per level. Fewer frames: software WebGL2 takes seconds for each at High.
  stage('stage-high', 'camera', 'high', 24),
  // Close to the wall and focused on it: the LED grid beats against the sensor (moiré).
  plain('stage-moire', '?stop=2&screen=level&view=camera&scene=tokyo&camera-pos=0,1.7,-3.5' +
    '&camera-look-at=0,1.7,-8&focus-m=2.5&frames=30&seed=1&quality=low'),
  plain('gate', '?stop=0&screen=gate&frames=20'),
  // Stop 1's own key light: the lot's sun must step aside (WebGL2 renders one).
  plain('previs', '?stop=1&screen=level&frames=20'),
  plain('edit-suite', '?stop=3&screen=level&frames=20'),
  plain('campaign', '?stop=4&screen=level&demo=1&frames=30'),
  plain('concept-trailer', '?stop=5&screen=level&demo=2&frames=40'),
  plain('presenter-gate', '?stop=2&screen=gate&presenter&frames=20'),
  withKeys('class-poll', '?stop=2&screen=gate&presenter&frames=10', ['F10']),
  withKeys('camp-setup', '?screen=title&frames=10', ['F4']),
  {
    // Typing reaches egui's text boxes: Stop 5's prompt box shows the typed words. The layout
    // is fixed at 1280x720, and the test finds the box in the picture (findPromptBox).
    name: 'text-input',
    async run(page, result) {
      await page.setViewportSize({ width: 1280, height: 720 });
      Object.assign(result.timings, pick(await openGame(page, '?stop=5&screen=level&no-talk&frames=10'), result));
      await page.mouse.click(1000, 200); // focus the canvas, away from any control
      await page.keyboard.press('2'); // the Concept trailer tab
      await page.waitForTimeout(2000);
      const box = findPromptBox(await screenshot(page, 'text-input-tab'));
      result.stats.promptBox = box;
      if (!box) {
        result.fail('no prompt box outline found in the left column of Stop 5\'s trailer tab');
        return;
      }
      await press(page, { x: box.x + Math.floor(box.width / 2), y: box.y + Math.floor(box.height / 2) });
      await page.waitForTimeout(1500);
      const before = await screenshot(page, 'text-input-before');
      await page.keyboard.type('misty harbour', { delay: 60 });
      await page.waitForTimeout(2500);
      const after = await screenshot(page, 'text-input');
      checkNotFlat(result, after);
      const changed = changedPixels(before, after, box);
      result.stats.promptPixelsChanged = changed;
      if (changed < TYPED_MIN_CHANGED_PIXELS) {
        result.fail(`the prompt box changed in ${changed} pixels after typing (< ${TYPED_MIN_CHANGED_PIXELS}): keys do not reach the text box`);
      }
    },
  },
  {
    // The demo answers Stop 1's gate correctly, which saves; a reload must show the progress.
    name: 'save',
    async run(page, result) {
      await resetStorage(page);
      Object.assign(result.timings, pick(await openGame(page, '?stop=0&screen=gate&demo=1&frames=90'), result));
      checkNotFlat(result, await screenshot(page, 'save'));
      const saved = await storage(page, SAVE_KEY);
      result.saved = saved;
      if (!saved?.includes('passed: true')) result.fail(`${SAVE_KEY} has no "passed: true": ${JSON.stringify(saved)}`);

      const reload = await openGame(page, '?frames=10');
      result.timings.reloadReadyMs = reload.readyMs;
      result.title = reload.title;
      checkNotFlat(result, await screenshot(page, 'save-reload'), 'reload');
      if (!reload.title.includes('1 of 7')) result.fail(`title after reload is "${reload.title}", not "… 1 of 7 …"`);
      const after = await storage(page, SAVE_KEY);
      if (!after?.includes('passed: true')) result.fail(`${SAVE_KEY} lost after reload: ${JSON.stringify(after)}`);
    },
  },
  {
    // The browser's storage is full: passing a gate cannot be saved. The game says so and
    // plays on with the progress in memory (the tab title shows it), and never panics.
    name: 'storage-full',
    async run(page, result) {
      await resetStorage(page);
      const filled = await page.evaluate(() => {
        let bytes = 0;
        for (let size = 1 << 20, i = 0; size >= 64; ) {
          try {
            localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
            bytes += size;
          } catch {
            size >>= 1;
          }
        }
        return bytes;
      });
      result.filledChars = filled;
      Object.assign(result.timings, pick(await openGame(page, '?stop=0&screen=gate&demo=1&frames=90'), result));
      checkNotFlat(result, await screenshot(page, 'storage-full'));
      if (!result.title.includes('1 of 7')) result.fail(`title is "${result.title}": the pass was not kept in memory`);
      const saved = await storage(page, SAVE_KEY);
      if (saved !== null) result.fail(`${SAVE_KEY} was written into a full storage: ${JSON.stringify(saved)}`);
      const warned = consoleLines.some((l) => l.startsWith('[storage-full]') && l.includes('QuotaExceededError'));
      if (!warned) result.fail('no QuotaExceededError reported');
      await resetStorage(page);
    },
  },
  {
    // A Chromebook forgets the page's storage at sign-out: the student saves a copy of their
    // progress (a download), the storage is wiped, and loading the copy (the file picker)
    // brings the progress back. Settings are at 1280x720, where the buttons sit at SETTINGS_*.
    name: 'progress-copy',
    async run(page, result) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await resetStorage(page, { [SAVE_KEY]: TWO_STOPS_PASSED });
      await openGame(page, '?frames=10');
      await openProgressSettings(page);
      const download = await pressFor(page, SETTINGS_SAVE_COPY, 'download');
      const copyPath = join(out, 'progress-copy.ron');
      await download.saveAs(copyPath);
      result.downloadName = download.suggestedFilename();
      const copy = readFileSync(copyPath, 'utf8');
      if (!/^backlot-player-\d{4}-\d{2}-\d{2}\.ron$/.test(result.downloadName)) {
        result.fail(`the download is called ${result.downloadName}`);
      }
      if ((copy.match(/passed: true/g) || []).length !== 2) result.fail(`the copy does not hold two passed gates: ${copy.slice(0, 200)}`);

      await resetStorage(page); // the Chromebook wiped the page's storage
      const fresh = await openGame(page, '?frames=10');
      if (!fresh.title.includes('0 of 7')) result.fail(`after the wipe the title is "${fresh.title}"`);
      await openProgressSettings(page);
      const chooser = await pressFor(page, SETTINGS_LOAD_COPY, 'filechooser');
      await chooser.setFiles(copyPath);
      await page.waitForFunction(() => document.title.includes('2 of 7'), null, { timeout: 60_000 })
        .catch(() => {});
      result.title = await page.title();
      await screenshot(page, 'progress-copy');
      if (!result.title.includes('2 of 7')) result.fail(`after loading the copy the title is "${result.title}"`);
      const saved = await storage(page, SAVE_KEY);
      if ((saved?.match(/passed: true/g) || []).length !== 2) result.fail(`the loaded copy was not saved: ${JSON.stringify(saved)}`);
    },
  },
  {
    // A teacher imports a question bank with the file picker (teacher panel, F1): a broken one
    // is refused and nothing is stored; a good one is stored and the gates find it on the
    // next start. The panel is at 1280x720, where its button sits at TEACHER_IMPORT.
    name: 'teacher-bank',
    async run(page, result) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await resetStorage(page);
      await openGame(page, '?frames=10');
      await page.focus('#backlot');
      await page.keyboard.press('F1');
      await page.waitForTimeout(2000);
      const pick = async (name, text) => {
        const chooser = await pressFor(page, TEACHER_IMPORT, 'filechooser');
        await chooser.setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
        await page.waitForTimeout(3000);
      };
      await pick('broken.gift', '::Q:: Which? {=a ~b\n');
      await screenshot(page, 'teacher-bank-refused');
      const keys = await page.evaluate(() => Object.keys(localStorage));
      if (keys.some((k) => k.startsWith('backlot/banks/'))) result.fail(`a broken bank was stored: ${keys}`);
      await pick('quiz.gift', GOOD_BANK);
      await screenshot(page, 'teacher-bank');
      const stored = await storage(page, 'backlot/banks/stop0-add-quiz.gift');
      if (stored !== GOOD_BANK) result.fail(`the bank was not stored as it was picked: ${JSON.stringify(stored)}`);
      await openGame(page, '?frames=10');
      const found = consoleLines.some((l) => l.startsWith('[teacher-bank]') &&
        l.includes('Teacher questions: Stop 0: stop0-add-quiz.gift: 2 questions'));
      if (!found) result.fail('after a restart the gates did not report the imported bank');
      await resetStorage(page);
    },
  },
  {
    // A save cut off mid-write: the game keeps it aside (.bak) and starts afresh, no panic.
    name: 'corrupt-save',
    async run(page, result) {
      await resetStorage(page, { [SAVE_KEY]: BROKEN_SAVE });
      Object.assign(result.timings, pick(await openGame(page, '?frames=10'), result));
      checkNotFlat(result, await screenshot(page, 'corrupt-save'));
      const backup = await storage(page, `${SAVE_KEY}.bak`);
      if (backup !== BROKEN_SAVE) result.fail(`${SAVE_KEY}.bak is ${JSON.stringify(backup)}, not the broken save`);
      if (!result.title.includes('0 of 7')) result.fail(`title is "${result.title}", not "… 0 of 7 …"`);
    },
  },
];

// Benchmarks, run only when named (--only bench-low,bench-standard,bench-high): the stage's
// frame time at each quality level, same size and scene, after 5 warm-up frames.
for (const quality of ['low', 'standard', 'high']) {
  scenarios.push({
    name: `bench-${quality}`,
    onRequest: true,
    async run(page, result) {
      const state = await openGame(page, `?stop=2&screen=level&view=camera&scene=tokyo&seed=1` +
        `&camera-pos=0.6,1.6,1.5&camera-look-at=-0.2,1.8,-5&frames=20&bench&quality=${quality}`);
      Object.assign(result.timings, pick(state, result));
      const ms = state.reports.frame_ms;
      if (typeof ms !== 'number') result.fail('no frame_ms reported');
      log(`  ${quality}: ${ms?.toFixed(1)} ms/frame`);
    },
  });
}

const only = options.only?.split(',').map((s) => s.trim());
if (only) {
  const unknown = only.filter((n) => !scenarios.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`browser.mjs: unknown scenario(s): ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
    await browser.close();
    server.close();
    process.exit(2);
  }
}

// ---- Run ----

const results = [];
for (const scenario of scenarios) {
  if (only ? !only.includes(scenario.name) : scenario.onRequest) continue;
  const result = {
    name: scenario.name,
    pass: true,
    failures: [],
    timings: {},
    stats: {},
    fail(message) {
      this.pass = false;
      if (!this.failures.includes(message)) this.failures.push(message);
    },
  };
  current = result;
  results.push(result);
  log(`${scenario.name}`);
  const t0 = Date.now();
  const page = await newPage();
  try {
    await scenario.run(page, result);
  } catch (error) {
    result.fail(error.message.split('\n')[0]);
    // What the page showed when it failed, for the person reading the report.
    await page.screenshot({ path: join(out, `${scenario.name}-failed.png`), timeout: 30_000 }).catch(() => {});
  }
  result.timings.totalMs = Date.now() - t0;
  // Closing the page stops its render loop before the next scenario starts.
  await page.close().catch(() => {});
  log(`  ${result.pass ? 'PASS' : 'FAIL'} ${scenario.name}` +
      result.failures.map((f) => `\n         - ${f}`).join(''));
}

await browser.close();
server.close();

// ---- Report ----

writeFileSync(join(out, 'console.log'), consoleLines.join('\n') + '\n');
const failed = results.filter((r) => !r.pass);
const report = {
  chromium: executablePath,
  viewport: VIEWPORT,
  thresholds: {
    FLAT_MIN_LUMA_STDDEV, FLAT_MIN_DISTINCT_COLOURS,
    WALL_MIN_LUMA_STDDEV, WALL_MIN_DISTINCT_COLOURS, WALL_MIN_LUMA_MEAN,
  },
  notFound: [...new Set(requests404)],
  scenarios: results.map(({ fail, ...r }) => r),
  passed: results.length - failed.length,
  failed: failed.length,
  totalMs: Date.now() - started,
};
writeFileSync(join(out, 'results.json'), JSON.stringify(report, null, 2) + '\n');

const seconds = (ms) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
console.log('\nscenario         result  ready s  first frame s  luma mean/sd  colours');
for (const r of results) {
  const s = r.stats.centre ?? r.stats.image;
  console.log(
    `${r.name.padEnd(16)} ${(r.pass ? 'pass' : 'FAIL').padEnd(6)} ` +
    `${seconds(r.timings.readyMs).padStart(8)} ${seconds(r.timings.firstFrameMs).padStart(14)} ` +
    `${(s ? `${s.mean}/${s.stddev}` : '-').padStart(13)} ${String(s?.colours ?? '-').padStart(8)}` +
    (r.stats.centre ? '  (centre, 5-bit)' : ''),
  );
}
if (report.notFound.length) console.log(`\nnot found (404): ${report.notFound.join(', ')}`);
console.log(`\nresults: ${join(out, 'results.json')}, console: ${join(out, 'console.log')}`);
console.log(`browser: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
