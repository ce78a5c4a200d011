import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { heronDeployment } from '../support/heron-deployment.ts';
import { cameraTrapImages, heronMedia } from '../support/shared.ts';
import { ImportScreen } from './pages/app-pages.ts';
import { newLibraryWithHeronStation } from './pages/heron-station.ts';

test('a video dated today is caught before the import, a run says what it found, and the grid packs single pictures', async ({ page, station }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const { deployment } = heronDeployment();
  const { nav } = await newLibraryWithHeronStation(page, station);
  await expect(page.getByTestId('deployments')).toContainText(deployment.deploymentID);

  // The heron card, with a video written today beside the 2021 pictures.
  const card = path.join(station.workDir, 'card');
  fs.mkdirSync(card);
  for (const name of fs.readdirSync(heronMedia())) fs.copyFileSync(path.join(heronMedia(), name), path.join(card, name));
  fs.writeFileSync(path.join(card, 'VID0001.MP4'), Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(64)]));

  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(card);
  await expect(page.getByTestId('preview')).toContainText('11 files');
  // Not every file fits the deployment: nothing is suggested, the person chooses.
  await expect(page.getByTestId('import-deployment')).toHaveValue('');
  await expect(page.getByTestId('suggestion')).toContainText('No deployment matches');
  await importer.chooseDeployment(deployment.deploymentID);
  await expect(importer.outsideDates()).toContainText('1 file is dated outside this deployment.');
  await expect(importer.outsideDates()).toContainText('The deployment runs from Mar 27, 2021');
  await expect(page.getByTestId('outside-examples')).toContainText(`VID0001.MP4: ${new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date())}`);
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await shot('01-outside-dates');
  await importer.confirmOutsideDates();
  await expect(page.getByTestId('import-start')).toHaveText('Import 11 files anyway');
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('11');

  // Pictures from other cameras and years, each its own sequence, confirmed into the same deployment.
  await nav.go('media');
  await nav.go('import');
  await importer.preview(cameraTrapImages());
  await importer.chooseDeployment(deployment.deploymentID);
  await expect(importer.outsideDates()).toBeVisible();
  await importer.confirmOutsideDates();
  await importer.start();
  await expect(importer.summary()).toBeVisible();

  await nav.go('detect');
  await page.getByTestId('detect-go').click();
  const job = page.getByTestId('job').first();
  await expect(job.getByTestId('job-state')).toHaveText('Done', { timeout: 60_000 });
  const counts = job.getByTestId('run-counts');
  await expect(counts).toHaveText(/^\d+ images: \d+ with animals, \d+ with people, \d+ with vehicles, \d+ empty \(counted at 35% confidence or more\)$/);
  const [images, animals, people, vehicles, empty] = ((await counts.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
  expect(images).toBeGreaterThanOrEqual(17);
  expect(animals).toBeGreaterThanOrEqual(9);
  expect(people).toBeGreaterThanOrEqual(1);
  expect(vehicles).toBeGreaterThanOrEqual(1);
  expect(empty).toBeGreaterThanOrEqual(2);
  await shot('02-run-counts');

  await job.getByTestId('review-animals').click();
  await expect(page.getByTestId('filter-class')).toHaveValue('animal');
  await expect(page.getByTestId('media-count')).toHaveText(new RegExp(`^${animals} images in `));
  await shot('03-review-animals');

  // Everything again: one-picture sequences share rows, and three rows of tiles fit on a 1366x768 screen.
  await page.getByTestId('filter-class').selectOption('');
  await expect(page.getByTestId('tile')).toHaveCount(19);
  await expect(page.getByTestId('singles').first()).toBeVisible();
  const rowsInView = await page.getByTestId('tile').evaluateAll((tiles) => new Set(tiles.map((t) => t.getBoundingClientRect()).filter((r) => r.bottom <= window.innerHeight).map((r) => Math.round(r.top))).size);
  expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
  expect(rowsInView).toBeGreaterThanOrEqual(3);
  await shot('04-dense-grid');
});
