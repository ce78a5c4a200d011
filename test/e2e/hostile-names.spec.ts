import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { Navigation, SetupScreen } from './pages/app-pages.ts';

// Case 7 of issue 9: text from the data is shown as text, never run as HTML.
test('a location named with markup shows that markup as text on the map, and runs nothing', async ({ page, station }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">Pond';
  await page.goto(station.openUrl);
  // The one-click start: a new library in the home folder, no folder to choose.
  await expect(page.getByTestId('library-default-path')).toHaveText(path.join(station.workDir, 'Camtrap Station'));
  await page.getByTestId('library-default').click();
  const nav = new Navigation(page);
  await nav.go('deployments');
  const setup = new SetupScreen(page);
  // Written as on a field sheet, with decimal commas.
  await setup.addLocation({ locationID: 'pond', locationName: hostile, latitude: '50,699', longitude: '4,013' });
  await setup.addDeployment({ deploymentID: 'd1', locationID: 'pond', deploymentStart: '2021-03-27T21:38:18+01:00', deploymentEnd: '2021-04-18T22:25:00+01:00', cameraID: 'c', cameraModel: 'm', cameraHeight: 1 });
  await nav.go('map');
  // The station's name is drawn as its label on the map: as text, with no element made from it.
  const label = page.locator('.leaflet-tooltip.station-label').first();
  await expect(label).toContainText(hostile);
  await expect(page.locator('.leaflet-container img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
