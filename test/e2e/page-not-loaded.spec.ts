import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { LibraryScreen } from './pages/app-pages.ts';

/*
 * The pages other than Images are read from the app's own files when first needed. If one cannot
 * be read (a damaged install), the person is told so and what to do, instead of a blank window.
 */
test('a page whose code cannot be read says so in plain words, and the other pages still work', async ({ page, station }) => {
  await page.route(/\/assets\/MapPage-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  await page.getByTestId('nav-map').click();
  await expect(page.getByRole('alert')).toHaveText("This page could not be opened: the app's own files may be damaged. Close Camtrap Station and open it again; if this happens again, install it again.");
  await page.getByTestId('nav-deployments').click();
  await expect(page.getByTestId('location-form')).toBeVisible();
});
