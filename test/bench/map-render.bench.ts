// npm run bench:map-render — 1,000 stations from a synthetic library, served in browser mode and
// opened in Debian's Chromium: the time from the map page having the stations to the frame that
// shows them, as the renderer measures it ('stations-drawn'). The page draws them when they arrive
// and again at the view it fits to them; a run counts its slowest drawing.
// Needs the built renderer (npm run build:renderer). Last line: render_ms <median>.
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startHttpServer } from '../../electron/backend/server/http-server.ts';
import config from '../../playwright.config.ts';
import { testBackend } from '../support/backend.ts';
import { addSyntheticStations, syntheticLibrary } from '../support/synthetic-library.ts';
import { removeTempDirs } from '../support/temp-dir.ts';

const stations = 1_000;
const runs = 5;

const library = syntheticLibrary(1);
addSyntheticStations(library, stations);
const root = library.paths.root;
library.close();
const t = testBackend();
await t.must('library.open', { path: root });
const server = await startHttpServer(t.backend, { staticDir: path.resolve('dist/renderer') });
const browser = await chromium.launch(config.use?.launchOptions);
const page = await browser.newPage({ viewport: config.use?.viewport ?? { width: 1366, height: 768 } });
await page.goto(server.openUrl);

const times: number[] = [];
for (let run = 0; run < runs; run += 1) {
  if (run > 0) await page.reload();
  await page.getByTestId('nav-map').click();
  // The map has moved to fit the stations once, and drawn them there.
  await page.locator('[data-testid="map"][data-zoom]').waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('stations-drawn').length >= 2, undefined, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const drawn = await page.evaluate(() => performance.getEntriesByName('stations-drawn').map((e) => e.duration));
  const slowest = Math.max(...drawn);
  console.log(`run ${run + 1}: ${stations} stations drawn in ${slowest.toFixed(1)} ms at worst (each drawing: ${drawn.map((d) => d.toFixed(1)).join(', ')} ms)`);
  times.push(slowest);
}
await browser.close();
await server.close();
removeTempDirs();
const sorted = [...times].sort((a, b) => a - b);
console.log(`render_ms ${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(1)}`);
