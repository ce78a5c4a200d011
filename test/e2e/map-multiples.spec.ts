import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { heronDeployment } from '../support/heron-deployment.ts';
import { cameraTrapImages, heronMedia } from '../support/shared.ts';
import { ImportScreen, LibraryScreen, Navigation, SetupScreen } from './pages/app-pages.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('two species labelled at two stations are shown side by side on one scale, as raw events or per 100 trap nights, offline', async ({ page, station }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const left: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) left.push(r.url());
  });
  const heron = heronDeployment();
  const savanna = {
    location: { locationID: 'savanna', locationName: 'Savanna', latitude: heron.location.latitude + 0.2, longitude: heron.location.longitude + 0.3 },
    deployment: { deploymentID: 'savanna-2010', locationID: 'savanna', deploymentStart: '2010-08-01T00:00:00Z', deploymentEnd: '2010-08-31T00:00:00Z', cameraID: 'cam-2', cameraModel: 'Reconyx', cameraHeight: 1 },
  };
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  const nav = new Navigation(page);
  await nav.go('deployments');
  const setup = new SetupScreen(page);
  for (const s of [heron, savanna]) {
    await setup.addLocation(s.location);
    await expect(page.getByText(s.location.locationName).first()).toBeVisible();
    await setup.addDeployment(s.deployment);
    await expect(page.getByText(s.deployment.deploymentID).first()).toBeVisible();
  }
  const importer = new ImportScreen(page);
  // Pictures from other cameras and years into the second deployment, confirmed though most lie outside its dates.
  for (const [folder, deploymentID, outside] of [[heronMedia(), heron.deployment.deploymentID, false], [cameraTrapImages(), savanna.deployment.deploymentID, true]] as const) {
    await nav.go('media');
    await nav.go('import');
    await importer.preview(folder);
    await importer.chooseDeployment(deploymentID);
    if (outside) {
      await expect(importer.outsideDates()).toBeVisible();
      await importer.confirmOutsideDates();
    }
    await importer.start();
    await expect(importer.summary()).toBeVisible();
  }

  await nav.go('settings');
  for (const [name, common] of [['Ardea cinerea', 'grey heron'], ['Loxodonta africana', 'African elephant']] as const) {
    await page.getByTestId('species-name').fill(name);
    await page.getByTestId('species-common').fill(common);
    await page.getByTestId('species-common').press('Enter');
    // The form empties once the species is on the list: the next one goes in after that.
    await expect(page.getByTestId('species-name')).toHaveValue('');
  }
  await expect(page.getByTestId('species-panel')).toContainText('2 species');

  await nav.go('media');
  await page.getByTestId('media-deployment').selectOption(heron.deployment.deploymentID);
  await page.getByTestId('label-species').first().fill('Ardea cinerea');
  await page.getByTestId('label-species').first().press('Enter');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo (Ctrl+Z): labelled Ardea cinerea on 10 pictures');
  await page.getByTestId('media-deployment').selectOption(savanna.deployment.deploymentID);
  await page.getByRole('checkbox', { name: 'Select african_elephants.jpg' }).check();
  await page.getByTestId('selection-species').fill('Loxodonta africana');
  await page.getByTestId('selection-label').click();
  await expect(page.getByTestId('selection-bar')).toBeHidden();

  await nav.go('map');
  // One taxon: the single map as before.
  await page.getByTestId('map-taxon').selectOption('species:Ardea cinerea');
  await expect(page.getByTestId('station').filter({ hasText: heron.location.locationName })).toContainText('4.54 events per 100 trap nights (1 in 22.03 nights)');
  const chooser = page.getByTestId('compare-chooser');
  await chooser.getByRole('checkbox', { name: 'Ardea cinerea' }).check();
  await expect(page.getByTestId('map')).toBeVisible();
  await expect(page.getByTestId('multiples')).toBeHidden();
  await chooser.getByRole('checkbox', { name: 'Loxodonta africana' }).check();

  const multiples = page.getByTestId('multiples');
  await expect(page.getByTestId('map')).toBeHidden();
  const panels = multiples.getByTestId('multiple-panel');
  await expect(panels).toHaveCount(2);
  await expect(panels.nth(0).locator('figcaption')).toHaveText('Ardea cinerea: independent events per 100 trap nights');
  await expect(panels.nth(1).locator('figcaption')).toHaveText('Loxodonta africana: independent events per 100 trap nights');
  // Stations in the order they were added: the heron's, then the savanna's 30 nights.
  await expect(panels.nth(0)).toHaveAttribute('data-values', '4.54,0');
  await expect(panels.nth(1)).toHaveAttribute('data-values', '0,3.33');
  await expect(multiples.getByTestId('multiples-scale')).toContainText('Same scale on every map, in independent events per 100 trap nights: the largest circle is 4.54.');
  // The small maps side by side, of one size, showing the same place.
  const [a, b] = [await panels.nth(0).getByTestId('multiple-map').boundingBox(), await panels.nth(1).getByTestId('multiple-map').boundingBox()];
  expect(a && b && Math.abs(a.y - b.y) < 1 && b.x > a.x + (a.width ?? 0) - 1 && Math.abs(a.width - b.width) < 1).toBe(true);
  await expect.poll(async () => (await panels.nth(0).getByTestId('multiple-map').getAttribute('data-center')) === (await panels.nth(1).getByTestId('multiple-map').getAttribute('data-center'))).toBe(true);
  await shot('01-two-species-per-100-nights');

  // Zooming one map zooms the other.
  const zoom = Number(await panels.nth(1).getByTestId('multiple-map').getAttribute('data-zoom'));
  await panels.nth(0).getByTestId('multiple-map').dblclick();
  await expect(panels.nth(1).getByTestId('multiple-map')).toHaveAttribute('data-zoom', String(zoom + 1));

  await multiples.getByTestId('multiples-raw').check();
  await expect(panels.nth(0).locator('figcaption')).toHaveText('Ardea cinerea: independent events');
  await expect(panels.nth(0)).toHaveAttribute('data-values', '1,0');
  await expect(panels.nth(1)).toHaveAttribute('data-values', '0,1');
  await expect(multiples.getByTestId('multiples-scale')).toContainText('in independent events: the largest circle is 1.');
  // No detector has run: people's labels are all there is, and the toggle says so.
  await expect(multiples.getByTestId('multiples-people')).toBeChecked();
  await multiples.getByTestId('multiples-detector').check();
  await expect(multiples).toContainText("Including the detector's results (no detector run yet)");
  await expect(panels.nth(1)).toHaveAttribute('data-values', '0,1');
  await shot('02-two-species-raw-events');

  await chooser.getByRole('checkbox', { name: 'Loxodonta africana' }).uncheck();
  await expect(page.getByTestId('map')).toBeVisible();
  await expect(page.getByTestId('station').filter({ hasText: heron.location.locationName })).toContainText('4.54 events per 100 trap nights');
  expect(left, 'the map asked the network').toEqual([]);
});
