import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { heronDeployment } from '../support/heron-deployment.ts';
import { heronMedia } from '../support/shared.ts';
import { ImportScreen, LibraryScreen, Navigation, SetupScreen } from './pages/app-pages.ts';

test('create a library, add 62c200a9, import the heron card, see the grid, import again', async ({ page, station }, testInfo) => {
  const shot = async (name: string) => {
    const file = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
  };
  const { location, deployment } = heronDeployment();

  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  const nav = new Navigation(page);
  await expect(page.getByTestId('nav-media')).toBeVisible();

  await nav.go('deployments');
  const setup = new SetupScreen(page);
  await setup.addLocation(location);
  await expect(page.getByTestId('locations')).toContainText(location.locationName);
  await setup.addDeployment(deployment);
  await expect(page.getByTestId('deployments')).toContainText('62c200a9');
  await shot('01-deployments');

  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(heronMedia());
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('10 files');
  await expect(page.getByTestId('preview-dates')).toContainText('Apr 11, 2021, 8:43:09 PM – Apr 11, 2021, 8:43:15 PM');
  await expect(page.getByTestId('preview-cameras')).toContainText('RECONYX HYPERFIRE 2 COVERT, serial H2RXEM06043616');
  await expect(page.getByTestId('import-deployment')).toHaveValue('62c200a9');
  await expect(page.getByTestId('suggestion')).toContainText("card's dates");
  await shot('02-preview');

  await importer.start();
  await expect(importer.summary()).toBeVisible();
  await expect(page.getByTestId('summary-imported')).toHaveText('10');
  // The next step is offered where the person is.
  await expect(page.getByTestId('next-detect')).toBeVisible();
  await expect(page.getByTestId('summary-duplicates')).toHaveText('0');
  await expect(page.getByTestId('summary-failed')).toHaveText('0');
  await shot('03-summary');

  await page.getByTestId('see-images').click();
  await expect(page.getByTestId('media-count')).toHaveText('10 images in 1 sequence');
  await expect(page.getByTestId('sequence')).toHaveCount(1);
  await expect(page.getByTestId('tile')).toHaveCount(10);
  const times = await page.getByTestId('tile-time').allTextContents();
  // Camera times in the person's own way of writing dates, never shifted by a time zone.
  expect(times[0]).toBe('4/11/21, 8:43:09 PM');
  expect(times.every((t) => t.startsWith('4/11/21, 8:43:'))).toBe(true);
  await expect(page.getByTestId('tile-time').first()).toHaveAttribute('title', 'H2RXEM06043616');
  // Every thumbnail decoded: the browser got real JPEGs from the backend route.
  await expect.poll(() => page.locator('[data-testid=tile] img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(10);
  await shot('04-grid');

  await nav.go('import');
  await importer.preview(heronMedia());
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('0');
  await expect(page.getByTestId('summary-duplicates')).toHaveText('10');
  await shot('05-second-import');

  await nav.go('detect');
  await expect(page.getByTestId('detect-model')).toContainText('NanoDet-m 416');
  await page.getByTestId('detect-go').click();
  const job = page.getByTestId('job').first();
  await expect(job.getByTestId('job-state')).toHaveText('Done', { timeout: 60_000 });
  await expect(job.getByTestId('job-progress')).toContainText('10 of 10 images · 0 failed');
  await shot('06-detection-done');

  await nav.go('media');
  await expect(page.getByTestId('tile-badge')).toHaveCount(10);
  await page.getByTestId('tile').first().getByRole('button').click();
  const viewer = page.getByTestId('viewer');
  await expect(viewer).toBeVisible();
  await expect(viewer.getByTestId('box-label').first()).toContainText(/animal \d{1,3}%/);
  await expect.poll(() => viewer.getByTestId('viewer-image').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(2048);
  await shot('07-viewer-with-box');
  await page.keyboard.press('ArrowRight');
  await expect(viewer).toHaveAttribute('aria-label', '20210531082538-RCNX0032.JPG');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
});
