import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures.ts';
import { ImportScreen, LibraryScreen, Navigation, PickerScreen, SetupScreen } from './pages/app-pages.ts';
import { cameraTrapImages } from '../support/shared.ts';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A card of single pictures hours apart: a dog at night on 1 to 6 May, elephants by day on 11 to 16 May. */
async function writeCard(folder: string): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  const shots = [
    ...['21:10', '23:40', '01:15', '02:50', '04:05', '22:30'].map((time, i) => ({ file: 'domestic_dog.jpg', day: 1 + i, time })),
    ...['09:20', '11:45', '13:05', '15:30', '07:55', '17:10'].map((time, i) => ({ file: 'african_elephants.jpg', day: 11 + i, time })),
  ];
  for (const [i, shot] of shots.entries()) {
    const taken = `2021:05:${String(shot.day).padStart(2, '0')} ${shot.time}:00`;
    await sharp(path.join(cameraTrapImages(), shot.file)).withExifMerge({ IFD2: { DateTimeOriginal: taken } }).jpeg().toFile(path.join(folder, `IMG_${String(i).padStart(4, '0')}.JPG`));
  }
}

/*
 * Two species with events at one station: a dog at night and elephants by day, labelled by hand.
 * On the map the station panel shows their daily activity and overlap, saves the figures as PNG
 * with a caption, and each number opens the pictures behind it.
 */
test('two species’ daily activity and overlap, saved as PNG, and the pictures behind a station’s numbers, offline', async ({ page, station }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const left: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) left.push(r.url());
  });
  const shot = async (name: string, focus: string) => {
    await page.getByTestId(focus).scrollIntoViewIfNeeded();
    const file = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
  };
  const figures = path.join(station.workDir, 'figures');
  fs.mkdirSync(figures);
  const card = path.join(station.workDir, 'card');
  await writeCard(card);
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  const nav = new Navigation(page);
  await nav.go('deployments');
  const setup = new SetupScreen(page);
  await setup.addLocation({ locationID: 'plains', locationName: 'Plains', latitude: -2.33, longitude: 34.83 });
  await setup.addDeployment({ deploymentID: 'plains-2021', locationID: 'plains', deploymentStart: '2021-04-20T12:00:00+03:00', deploymentEnd: '2021-05-20T12:00:00+03:00', cameraID: 'c1', cameraModel: 'm', cameraHeight: 1 });
  await expect(page.getByTestId('deployments')).toContainText('plains-2021');
  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(card);
  await importer.chooseDeployment('plains-2021');
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('12');

  await nav.go('settings');
  for (const [name, common] of [['Canis familiaris', 'dog'], ['Loxodonta africana', 'elephant']] as const) {
    await page.getByTestId('species-name').fill(name);
    await page.getByTestId('species-common').fill(common);
    await page.getByTestId('species-common').press('Enter');
    // The form empties once the species is on the list: the next one goes in after that.
    await expect(page.getByTestId('species-name')).toHaveValue('');
  }
  await expect(page.getByTestId('species-panel')).toContainText('2 species');
  await nav.go('media');
  await expect(page.getByTestId('tile-select')).toHaveCount(12);
  const files = await page.getByTestId('tile-select').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label') ?? ''));
  for (const [name, from] of [['Canis familiaris', 0], ['Loxodonta africana', 6]] as const) {
    for (let i = 0; i < 12; i += 1) {
      const n = Number(/IMG_(\d+)/.exec(files[i] ?? '')?.[1]);
      if (n >= from && n < from + 6) await page.getByTestId('tile-select').nth(i).check();
    }
    await page.getByTestId('selection-species').fill(name);
    await page.getByTestId('selection-label').click();
    await expect(page.getByTestId('selection-bar')).toBeHidden();
  }

  await nav.go('map');
  await page.getByTestId('map-taxon').selectOption('species:Canis familiaris');
  await page.getByTestId('station').filter({ hasText: 'Plains' }).click();
  const panel = page.getByTestId('station-panel');
  await expect(panel.getByTestId('diel-density')).toHaveAttribute('data-series', '1');

  // The station's daily curve as a PNG with its caption, into a folder chosen in the app.
  const exporter = panel.getByTestId('diel-density-export');
  await exporter.locator('> summary').click();
  await exporter.getByTestId('diel-density-export-folder-choose').click();
  await new PickerScreen(page).goTo(figures);
  await new PickerScreen(page).choose();
  await exporter.getByTestId('diel-density-export-save').click();
  await expect(exporter.getByTestId('diel-density-export-saved')).toContainText('diel-curve-clock_Plains_Canis-familiaris.png');
  const curveFile = path.join(figures, 'diel-curve-clock_Plains_Canis-familiaris.png');
  expect(fs.readFileSync(curveFile).subarray(0, 8).equals(pngSignature)).toBe(true);

  // Two species side by side: their curves and the overlap with its bootstrap interval.
  await panel.getByTestId('activity-details').locator('> summary').click();
  await panel.getByTestId('overlap-a').selectOption('species:Canis familiaris');
  await panel.getByTestId('overlap-b').selectOption('species:Loxodonta africana');
  const overlap = panel.getByTestId('overlap-result');
  await expect(overlap.getByTestId('overlap-value')).toContainText(/Δ[14]/, { timeout: 60_000 });
  await expect(overlap.getByTestId('overlap-value')).toContainText(/\d\.\d\d/);
  await expect(overlap.getByTestId('overlap-chart')).toHaveAttribute('data-series', '2');
  await shot('01-diel-curves-and-overlap', 'overlap-chart');
  const overlapExport = overlap.getByTestId('overlap-chart-export');
  await overlapExport.locator('> summary').click();
  // The folder chosen once is kept for the next figure.
  await expect(overlapExport.getByTestId('overlap-chart-export-folder')).toHaveText(figures);
  await overlapExport.getByTestId('overlap-chart-export-save').click();
  await expect(overlapExport.getByTestId('overlap-chart-export-saved')).toContainText('diel-overlap_clock_Canis-familiaris_Loxodonta-africana.png');
  expect(fs.readFileSync(path.join(figures, 'diel-overlap_clock_Canis-familiaris_Loxodonta-africana.png')).subarray(0, 8).equals(pngSignature)).toBe(true);

  // The map itself, stations and basemap composed into one PNG.
  const mapExport = page.getByTestId('map-export');
  await mapExport.locator('> summary').click();
  await mapExport.getByTestId('map-export-save').click();
  await expect(mapExport.getByTestId('map-export-saved')).toContainText('map_Canis-familiaris');
  const mapFile = fs.readdirSync(figures).find((f) => f.startsWith('map_'));
  expect(mapFile && fs.readFileSync(path.join(figures, mapFile)).subarray(0, 8).equals(pngSignature)).toBe(true);
  expect(fs.readdirSync(figures).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  for (const f of fs.readdirSync(figures)) await testInfo.attach(`exported-${f}`, { path: path.join(figures, f), contentType: 'image/png' });

  // A number in the panel opens the pictures behind it: this deployment, this species.
  await panel.getByTestId('station-events').getByRole('row').filter({ hasText: 'Loxodonta africana' }).getByTestId('station-events-link').click();
  await expect(page.getByTestId('media-deployment')).toHaveValue('plains-2021');
  await expect(page.getByTestId('filter-species')).toHaveValue('Loxodonta africana');
  await expect(page.getByTestId('tile-select')).toHaveCount(6);
  await shot('02-images-behind-the-number', 'media-count');
  expect(left, 'a request left the machine').toEqual([]);
});
