// npm run bench:ui — a synthetic library of a real project's size (100,000 pictures, 1,000,000
// detections, 200 stations), built once and reused from CAMTRAP_BENCH_UI_DIR (default: the temp
// folder), served in browser mode and opened in Debian's Chromium at 1366x768. For each user action
// it prints the time from the action to the finished screen (every tile in view drawn with its
// thumbnail, the viewer's picture shown, the stations drawn on the map), the median of 3 runs.
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
const runs = 3;
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

/** Every tile in view has its thumbnail drawn (or the grey box of a missing file). */
const gridSettled = () => {
  const tiles = [...document.querySelectorAll('[data-testid="tile"]')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  return tiles.length > 0 && tiles.every((el) => el.querySelector('[data-testid="tile-missing"]') || [...el.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0));
};
const firstTile = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="tile"] img')?.getAttribute('alt') ?? '');
const drawnCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('stations-drawn').length);

/** Time from the action to the end of the last station drawing it caused, once no drawing has followed for 300 ms. */
async function mapFinished(page: Page, before: number, startedAt: number): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName('stations-drawn').length > n, before, { timeout: 60_000 });
  let count = -1;
  for (;;) {
    const now = await drawnCount(page);
    if (now === count) break;
    count = now;
    await page.waitForTimeout(300);
  }
  return page.evaluate((t0) => Math.max(...performance.getEntriesByName('stations-drawn').map((e) => e.startTime + e.duration)) - t0, startedAt);
}

const timed = async (action: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await action();
  await done();
  return performance.now() - t0;
};

type Figures = Record<string, number>;

async function onePass(): Promise<Figures> {
  const page = await context.newPage();
  const f: Figures = {};
  f['opening the app'] = await timed(() => page.goto(appUrl), () => page.waitForFunction(gridSettled, undefined, { timeout: 60_000, polling: 50 }));
  appUrl = `${new URL(server.openUrl).origin}/`;
  await page.getByTestId('nav-deployments').click();
  f['the Images page'] = await timed(() => page.getByTestId('nav-media').click(), () => page.waitForFunction(gridSettled, undefined, { timeout: 60_000, polling: 50 }));
  const first = await firstTile(page);
  f['the next page'] = await timed(
    () => page.getByTestId('media-more').click(),
    () => page.waitForFunction((was) => document.querySelector('[data-testid="tile"] img')?.getAttribute('alt') !== was, first, { polling: 50 }).then(() => page.waitForFunction(gridSettled, undefined, { polling: 50 })),
  );
  const second = await firstTile(page);
  f['a filter change'] = await timed(
    () => page.getByTestId('media-deployment').selectOption('dep7'),
    () => page.waitForFunction((was) => document.querySelector('[data-testid="tile"] img')?.getAttribute('alt') !== was, second, { polling: 50 }).then(() => page.waitForFunction(gridSettled, undefined, { polling: 50 })),
  );
  f['opening the viewer'] = await timed(
    () => page.getByTestId('tile').first().locator('button.tile-open').click(),
    () => page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="viewer-image"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    }, undefined, { polling: 50 }),
  );
  await page.getByTestId('viewer-close').click();
  let before = await drawnCount(page);
  let t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('nav-map').click();
  f['the Map page'] = await mapFinished(page, before, t0);
  before = await drawnCount(page);
  t0 = await page.evaluate(() => performance.now());
  await page.locator('input[type="date"]').first().fill('2023-06-01');
  f['a date-range change on the map'] = await mapFinished(page, before, t0);
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
