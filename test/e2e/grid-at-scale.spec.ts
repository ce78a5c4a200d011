import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { twoHundredStations } from '../support/scale-library.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('with 200 deployments the grid filter narrows by typing, and the next page opens at its first tile, fetched ahead', async ({ page, station }, testInfo) => {
  twoHundredStations(path.join(station.workDir, 'Camtrap Station'));
  await page.goto(station.openUrl);
  await page.getByTestId('library-default').click();
  await expect(page.getByTestId('tile').first()).toBeVisible();

  const deployment = page.getByTestId('media-deployment');
  await expect(deployment.locator('option')).toHaveCount(201);
  const narrow = page.getByTestId('media-deployment-narrow');
  await narrow.fill('dep17');
  // dep17 and dep170 to dep179, and "All deployments".
  await expect(deployment.locator('option')).toHaveCount(12);
  await narrow.press('Enter');
  await expect(deployment).toHaveValue('dep17');
  await expect(page.getByTestId('media-count')).toContainText('10 images');
  await page.screenshot({ path: testInfo.outputPath('grid-narrowed.png') });

  await narrow.fill('');
  await deployment.selectOption('');
  await expect(page.getByTestId('page-of')).toHaveText('Page 1 of 10');
  // The synthetic pictures have no files: a tile shows its picture or, once that fails, a grey box named the same.
  const firstOfPage = () =>
    page.evaluate(() => {
      const tile = document.querySelector('[data-testid="tile"]');
      return tile?.querySelector('img')?.getAttribute('alt') ?? tile?.querySelector('[data-testid="tile-missing"]')?.getAttribute('aria-label') ?? '';
    });
  const before = await firstOfPage();
  await page.getByTestId('media-more').click();
  await expect(page.getByTestId('page-of')).toHaveText('Page 2 of 10');
  await expect.poll(firstOfPage).not.toBe(before);
  // The new page starts at its top: its first tile is on screen, not the pager at the bottom.
  await expect(page.getByTestId('tile').first()).toBeInViewport();
});
