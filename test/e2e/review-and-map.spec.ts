import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { heronDeployment } from '../support/heron-deployment.ts';
import { makeMbtiles } from '../support/make-mbtiles.ts';
import { heronMedia } from '../support/shared.ts';
import { ImportScreen, PickerScreen } from './pages/app-pages.ts';
import { newLibraryWithHeronStation } from './pages/heron-station.ts';

test('label the heron sequence, then see the station, its night-time activity and the study-area tiles on the offline map', async ({ page, station }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const blocked: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:')) blocked.push(r.url());
  });
  const { location } = heronDeployment();
  const { nav } = await newLibraryWithHeronStation(page, station);
  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(heronMedia());
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('10');
  await nav.go('detect');
  // Only the development detector is installed: the page says its results cannot be trusted.
  await expect(page.getByTestId('development-model')).toContainText('not from camera traps');
  await page.getByTestId('detect-go').click();
  await expect(page.getByTestId('job').first().getByTestId('job-state')).toHaveText('Done', { timeout: 60_000 });

  await nav.go('settings');
  await page.getByTestId('species-name').fill('Ardea');
  await page.getByTestId('species-common').fill('herons');
  await page.getByTestId('species-common').press('Enter');
  await expect(page.getByTestId('species-panel')).toContainText('1 species');

  await nav.go('media');
  await page.getByTestId('label-species').first().fill('Ardea');
  await page.getByTestId('label-species').first().press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo (Ctrl+Z): labelled Ardea on 10 pictures');
  await page.getByTestId('filter-species').selectOption('Ardea');
  await expect(page.getByTestId('media-count')).toHaveText('10 images in 1 sequence');
  // Each tile says what a person found in it, by its common name.
  await expect(page.getByTestId('tile-label')).toHaveText(Array(10).fill('herons'));
  await shot('01-labelled');

  // In the viewer: a count of two on the first picture, then undone from the grid.
  await page.getByTestId('tile').first().getByRole('button').click();
  const review = page.getByTestId('media-review');
  await expect(review.getByTestId('observations')).toHaveText('Ardea × 1');
  await review.getByRole('combobox', { name: 'Species' }).fill('Ardea');
  await review.getByRole('textbox', { name: 'Count' }).fill('2');
  await review.getByRole('button', { name: 'Label', exact: true }).click();
  await expect(review.getByTestId('observations')).toHaveText('Ardea × 2');
  await shot('02-viewer-label');
  await page.keyboard.press('Escape');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('undo-status')).toHaveText('Undone: labelled Ardea on one picture');
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByTestId('undo-status')).toHaveText('Redone: labelled Ardea on one picture');
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('undo-status')).toHaveText('Undone: labelled Ardea on one picture');
  await expect(page.getByTestId('redo')).toBeEnabled();

  // Two pictures ticked and labelled at once.
  await page.getByTestId('tile-select').nth(1).check();
  await page.getByTestId('tile-select').nth(2).check();
  await expect(page.getByTestId('selection-bar')).toContainText('2 pictures selected');
  await page.getByTestId('selection-species').fill('Ardea');
  await page.getByTestId('selection-label').click();
  await expect(page.getByTestId('selection-bar')).toBeHidden();

  await nav.go('map');
  await page.getByTestId('map-taxon').selectOption('species:Ardea');
  const stationButton = page.getByTestId('station').filter({ hasText: location.locationName });
  await expect(stationButton).toContainText('4.54 events per 100 trap nights (1 in 22.03 nights)');
  await stationButton.click();
  const panel = page.getByTestId('station-panel');
  await expect(panel.getByTestId('station-events')).toContainText('Ardea');
  await expect(panel.getByTestId('diel-chart')).toHaveAttribute('data-values', '0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0');
  await expect.poll(() => panel.locator('img.station-thumb').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(1);
  await shot('03-map-station');

  const mbtiles = path.join(station.workDir, 'study-area.mbtiles');
  await makeMbtiles(mbtiles, location.latitude, location.longitude, 12);
  await new PickerScreen(page).chooseFile('mbtiles-path', mbtiles);
  await page.getByTestId('mbtiles-import').click();
  await expect.poll(() => page.locator('img.leaflet-tile').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth === 256).length), { timeout: 20_000 }).toBeGreaterThan(0);
  await shot('04-map-tiles');

  const geojson = path.join(station.workDir, 'park.geojson');
  const [lat, lon] = [location.latitude, location.longitude];
  fs.writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'park' }, geometry: { type: 'Polygon', coordinates: [[[lon - 0.01, lat - 0.01], [lon + 0.01, lat - 0.01], [lon + 0.01, lat + 0.01], [lon - 0.01, lat + 0.01], [lon - 0.01, lat - 0.01]]] } }] }));
  const overlay = page.waitForResponse((r) => r.url().includes('/media/overlay/') && r.status() === 200);
  await new PickerScreen(page).chooseFile('mbtiles-path', geojson);
  await page.getByTestId('mbtiles-import').click();
  await overlay;
  await page.getByTestId('time-slider-on').check();
  // April 2021 holds the event and the last 17.93 nights of the deployment.
  await expect(stationButton).toContainText('5.58 events per 100 trap nights (1 in 17.93 nights)');
  await page.getByTestId('heat').check();
  await shot('05-map-month-heat-overlay');
  expect(blocked, 'the map asked the network').toEqual([]);
  expect(fs.existsSync(mbtiles)).toBe(true);
  // Back on Images, the filters are as they were left.
  await nav.go('media');
  await expect(page.getByTestId('filter-species')).toHaveValue('Ardea');
  await expect(page.getByTestId('media-count')).toHaveText('10 images in 1 sequence');
});
