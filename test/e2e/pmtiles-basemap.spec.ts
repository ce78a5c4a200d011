import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures.ts';
import { makePmtiles } from '../support/make-pmtiles.ts';
import { LibraryScreen, Navigation, PickerScreen } from './pages/app-pages.ts';

/** Pixels of a screenshot within a small distance of a colour, as a share of all pixels. */
async function shareOf(png: Buffer, [r, g, b]: [number, number, number]): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let hits = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if (Math.abs((data[i] as number) - r) + Math.abs((data[i + 1] as number) - g) + Math.abs((data[i + 2] as number) - b) < 12) hits += 1;
  }
  return hits / (info.width * info.height);
}

test('a PMTiles extract of the study area, made by the test, is added on the Map page and drawn from the library with its features', async ({ page, station }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const requests: string[] = [];
  const ranges: number[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => {
    if (r.url().includes('/media/pmtiles/')) ranges.push(r.status());
  });
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  await new Navigation(page).go('map');

  // A lake, a road and a village near Leuven, in vector tiles from zoom 0 to 14.
  const archive = path.join(station.workDir, 'study-area.pmtiles');
  makePmtiles(archive, 50.88, 4.7);
  await new PickerScreen(page).chooseFile('mbtiles-path', archive);
  await page.getByTestId('mbtiles-import').click();
  const map = page.getByTestId('map');
  await expect.poll(() => map.locator('canvas.leaflet-tile.leaflet-tile-loaded').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  // Closer in, as a person looking at the study area would: the lake then fills a measurable share.
  await map.getByRole('button', { name: 'Zoom in' }).click();
  await map.getByRole('button', { name: 'Zoom in' }).click();
  // protomaps-leaflet draws each tile after its data arrives, later on a busy machine: the lake,
  // in the style's water colour (#6aa5d8), is waited for; then the road in its major-road colour (#e8a04a).
  await expect.poll(async () => shareOf(await map.screenshot(), [0x6a, 0xa5, 0xd8]), { timeout: 20_000 }).toBeGreaterThan(0.003);
  const shot = await map.screenshot({ path: testInfo.outputPath('pmtiles-basemap.png') });
  expect(await shareOf(shot, [0xe8, 0xa0, 0x4a])).toBeGreaterThan(0.0001);
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges.every((s) => s === 206)).toBe(true);
  const origin = new URL(station.openUrl).origin;
  expect(requests.filter((u) => u.includes('/media/pmtiles/')).every((u) => u.startsWith(`${origin}/media/pmtiles/`))).toBe(true);
  expect(
    requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')),
    'the map asked the network',
  ).toEqual([]);
});
