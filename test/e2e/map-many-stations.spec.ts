import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { Navigation } from './pages/app-pages.ts';
import { twoHundredStations } from '../support/scale-library.ts';

const viewport = { width: 1366, height: 768 };
test.use({ viewport });


const number = (text: string) => Number(text.replace(/,/g, ''));

test('with 200 stations the map keeps most of the screen, beside a table of stations to search, sort and choose from by keyboard', async ({ page, station }, testInfo) => {
  twoHundredStations(path.join(station.workDir, 'Camtrap Station'));
  await page.goto(station.openUrl);
  await page.getByTestId('library-default').click();
  await new Navigation(page).go('map');

  const rows = page.getByTestId('station-row');
  await expect(rows).toHaveCount(200);
  // The stand-in detector's warning is for this test machine only: a user with a real detector never has it.
  const standIn = page.getByTestId('dev-model-banner-dismiss');
  if (await standIn.isVisible()) await standIn.click();
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-zoom', /\d/);
  const box = (await map.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  expect(box.height, 'the map fills most of the screen').toBeGreaterThanOrEqual(0.6 * viewport.height);
  expect(box.y + box.height, 'the whole map is above the fold').toBeLessThanOrEqual(viewport.height);
  expect(box.width, 'the table leaves the map most of the width').toBeGreaterThanOrEqual(0.7 * viewport.width);
  // Names in the order people read them, and every station with events to show.
  await expect(rows.first().getByTestId('station')).toHaveText(/^Station 0:/);
  await expect(rows.nth(2).getByTestId('station')).toHaveText(/^Station 2:/);
  await expect(rows.nth(10).getByTestId('station')).toHaveText(/^Station 10:/);
  expect(Math.max(...(await rows.locator('td:nth-child(2)').allTextContents()).map(number))).toBeGreaterThan(0);
  await page.waitForFunction(() => performance.getEntriesByName('stations-drawn').length > 0);
  await page.screenshot({ path: testInfo.outputPath('map-200-stations.png') });

  const search = page.getByTestId('station-search');
  await search.fill('Station 17');
  await expect(rows).toHaveCount(11);
  await expect(rows.first().getByTestId('station')).toHaveText(/^Station 17:/);
  await expect(page.getByTestId('station-search-count')).toHaveText('11 of 200');
  await search.fill('');
  await expect(rows).toHaveCount(200);

  const raiHeader = page.getByTestId('station-sort-rai');
  await raiHeader.click();
  await expect(page.locator('th', { has: raiHeader })).toHaveAttribute('aria-sort', 'descending');
  const rai = (await rows.locator('td:nth-child(4)').allTextContents()).map(number);
  expect(rai[0]).toBe(Math.max(...rai));
  expect(rai, 'largest first').toEqual([...rai].sort((a, b) => b - a));
  expect(new Set(rai).size, 'stations differ').toBeGreaterThan(1);

  // Enter in the search chooses the station found; the details share the column, the map stays.
  await search.fill('Station 42');
  await search.press('Enter');
  const panel = page.getByTestId('station-panel');
  await expect(panel.locator('h3')).toHaveText('Station 42');
  await expect(page.getByTestId('station').filter({ hasText: /^Station 42:/ })).toHaveAttribute('aria-current', 'true');
  await search.fill('');
  // A row reached by the keyboard and chosen with the space bar.
  const seven = page.getByTestId('station').filter({ hasText: /^Station 7:/ });
  await seven.focus();
  await page.keyboard.press('Space');
  await expect(panel.locator('h3')).toHaveText('Station 7');
  await expect(seven).toHaveAttribute('aria-current', 'true');
  await expect(seven).toBeInViewport();
  expect((await map.boundingBox())?.height, 'the details leave the map as it was').toBe(box.height);
  await page.screenshot({ path: testInfo.outputPath('map-200-stations-open.png') });
  // Closing the details by keyboard gives the focus back to the row.
  await page.getByTestId('station-close').focus();
  await page.keyboard.press('Enter');
  await expect(panel).toHaveCount(0);
  await expect(seven).toBeFocused();

  // Folded away, the table gives its width to the map.
  const toggle = page.getByTestId('station-table-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(rows.first()).toBeHidden();
  await expect.poll(async () => (await map.boundingBox())?.width).toBeGreaterThan(box.width + 100);
  await toggle.click();
  await expect(rows.first()).toBeVisible();
});
