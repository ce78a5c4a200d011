// npm run bench:ui — a synthetic library of a real project's size (100,000 pictures, 1,000,000
// detections, 200 stations), built once and reused from CAMTRAP_BENCH_UI_DIR (default: the temp
// folder), served in browser mode and opened in Debian's Chromium at 1366x768. For each user action
// it prints the time from the action (the input event as the browser stamps it; for opening the
// app, the start of navigation) to the frame at which the screen is finished (every tile in view
// drawn with its thumbnail, the viewer's picture shown, the stations drawn on the map), checked
// every frame in the page, the median of 5 runs (this machine is noisy: one run can be twice another).
// The first run of an action makes the thumbnails it needs and is not counted. Needs the built
// renderer (the npm script builds it). Last line: ui_worst_ms <the largest figure>.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import sharp from 'sharp';
import { recomputeAllEvents } from '../../electron/backend/library/independent-events.ts';
import { mediaPage } from '../../electron/backend/library/media-queries.ts';
import { createLibrary, openLibrary } from '../../electron/backend/library/open-library.ts';
import { startHttpServer } from '../../electron/backend/server/http-server.ts';
import config from '../../playwright.config.ts';
import { testBackend } from '../support/backend.ts';
import { fillScaleLibrary, type ScaleShape } from '../support/scale-library.ts';

const shape: ScaleShape = { media: 100_000, boxesPerMedia: 10, deployments: 200 };
const runs = 5;
const root = path.join(process.env.CAMTRAP_BENCH_UI_DIR ?? path.join(os.tmpdir(), 'camtrap-bench-ui'), `library-${shape.media}-${shape.boxesPerMedia}-${shape.deployments}`);
const builtMark = path.join(root, 'bench-built.json');

/** Real JPEG files for the pictures the bench looks at (the first pages, and a station's), so thumbnails are made as for real ones. */
async function writePictures(): Promise<void> {
  const lib = openLibrary(root);
  const shown = [0, 1, 2].flatMap((p) => mediaPage(lib.db, { offset: p * 200, limit: 200 }).items);
  shown.push(...mediaPage(lib.db, { deploymentID: 'dep7', offset: 0, limit: 200 }).items);
  lib.close();
  for (const [i, m] of shown.entries()) {
    const file = path.join(root, m.filePath);
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await sharp({ create: { width: 1920, height: 1080, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: 120 } } })
      .jpeg({ quality: 80 })
      .toFile(file);
  }
}

if (!fs.existsSync(builtMark)) {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(root), { recursive: true });
  const started = performance.now();
  const lib = createLibrary(root);
  fillScaleLibrary(lib, shape);
  recomputeAllEvents(lib.db);
  lib.close();
  await writePictures();
  fs.writeFileSync(builtMark, JSON.stringify(shape));
  console.log(`built the library in ${((performance.now() - started) / 1000).toFixed(0)} s at ${root}`);
} else console.log(`reusing the library at ${root}`);

const t = testBackend();
await t.must('library.open', { path: root });
const server = await startHttpServer(t.backend, { staticDir: path.resolve('dist/renderer') });
const browser = await chromium.launch(config.use?.launchOptions);
// The link the server prints lets one browser in once; later pages of that browser come back with its session.
const context = await browser.newContext({ viewport: config.use?.viewport ?? { width: 1366, height: 768 } });
let appUrl = server.openUrl;

/**
 * Every tile the user can see (not scrolled away, not under the header) has its thumbnail drawn,
 * or the grey box of a missing file; when `changedFrom` is given, the first tile is another one.
 */
const gridSettled = (changedFrom: string | null) => {
  if (changedFrom !== null && document.querySelector('[data-testid="tile"] img')?.getAttribute('alt') === changedFrom) return false;
  const tiles = [...document.querySelectorAll('[data-testid="tile"]')].filter((el) => {
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    return r.bottom > 0 && r.top < innerHeight && el.contains(document.elementFromPoint(x, y));
  });
  return tiles.length > 0 && tiles.every((el) => el.querySelector('[data-testid="tile-missing"]') || [...el.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0));
};
const viewerShown = () => {
  const img = document.querySelector<HTMLImageElement>('[data-testid="viewer-image"]');
  return img !== null && img.complete && img.naturalWidth > 0;
};
const firstTile = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="tile"] img')?.getAttribute('alt') ?? '');

/**
 * The page notes when the user's next input event (click, change, input) happens, as the browser
 * stamps it: the start of what is measured, free of the test driver's own steps.
 */
const arm = (page: Page) =>
  page.evaluate(`(() => {
    window.actionAt = null;
    for (const type of ['click', 'change', 'input']) addEventListener(type, (e) => { window.actionAt ??= e.timeStamp; }, { capture: true, once: true });
  })()`);

/** The first frame at which `settled` holds, checked every frame in the page, less the time of the armed action (or of navigation). */
async function frameWhen<A>(page: Page, settled: (arg: A) => boolean, arg: A): Promise<number> {
  // Sent as source text: tsx would wrap a named inner function in a helper the page does not have.
  const at = await page.evaluate<number>(`new Promise((resolve, reject) => {
    const settled = ${settled.toString()};
    const arg = ${JSON.stringify(arg)};
    const give = setTimeout(() => reject(new Error('the screen did not finish within 60 s')), 60000);
    const tick = () => {
      if (settled(arg)) {
        clearTimeout(give);
        resolve(performance.now());
      } else requestAnimationFrame(tick);
    };
    tick();
  })`);
  const from = await page.evaluate(() => (window as unknown as { actionAt: number | null }).actionAt ?? 0);
  return at - from;
}

/** Time from the armed action to the end of the last station drawing it caused, once no drawing has followed for 300 ms. */
async function mapFinished(page: Page, before: number): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName('stations-drawn').length > n, before, { timeout: 60_000 });
  let count = -1;
  for (;;) {
    const now = await page.evaluate(() => performance.getEntriesByName('stations-drawn').length);
    if (now === count) break;
    count = now;
    await page.waitForTimeout(300);
  }
  return page.evaluate(() => Math.max(...performance.getEntriesByName('stations-drawn').map((e) => e.startTime + e.duration)) - ((window as unknown as { actionAt: number | null }).actionAt ?? 0));
}

type Figures = Record<string, number>;

async function onePass(): Promise<Figures> {
  const page = await context.newPage();
  const f: Figures = {};
  // From navigation start (time 0 of the page) to the grid's first screen.
  await page.goto(appUrl);
  f['opening the app'] = await frameWhen(page, gridSettled, null);
  appUrl = `${new URL(server.openUrl).origin}/`;
  await page.getByTestId('nav-deployments').click();
  await arm(page);
  await page.getByTestId('nav-media').click();
  f['the Images page'] = await frameWhen(page, gridSettled, null);
  await arm(page);
  const first = await firstTile(page);
  await page.getByTestId('media-more').click();
  f['the next page'] = await frameWhen(page, gridSettled, first);
  const second = await firstTile(page);
  await arm(page);
  await page.getByTestId('media-deployment').selectOption('dep7');
  f['a filter change'] = await frameWhen(page, gridSettled, second);
  await arm(page);
  await page.getByTestId('tile').first().locator('button.tile-open').click();
  f['opening the viewer'] = await frameWhen(page, viewerShown, null);
  await page.getByTestId('viewer-close').click();
  let before = await page.evaluate(() => performance.getEntriesByName('stations-drawn').length);
  await arm(page);
  await page.getByTestId('nav-map').click();
  f['the Map page'] = await mapFinished(page, before);
  before = await page.evaluate(() => performance.getEntriesByName('stations-drawn').length);
  await arm(page);
  await page.locator('input[type="date"]').first().fill('2023-06-01');
  f['a date-range change on the map'] = await mapFinished(page, before);
  await page.close();
  return f;
}

await onePass();
const passes: Figures[] = [];
for (let run = 0; run < runs; run += 1) passes.push(await onePass());
await browser.close();
await server.close();
t.backend.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const names = Object.keys(passes[0] ?? {});
console.log(`${shape.media.toLocaleString('en')} pictures, ${(shape.media * shape.boxesPerMedia).toLocaleString('en')} detections, ${shape.deployments} stations; median of ${runs} runs after a warm-up:`);
const figures = names.map((name) => ({ name, ms: median(passes.map((p) => p[name] ?? Number.NaN)) }));
for (const { name, ms } of figures) console.log(`${name}: ${ms.toFixed(0)} ms (runs: ${passes.map((p) => (p[name] ?? Number.NaN).toFixed(0)).join(', ')})`);
console.log(`ui_worst_ms ${Math.max(...figures.map((x) => x.ms)).toFixed(0)}`);
