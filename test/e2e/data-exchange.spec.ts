import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { ImportScreen, Navigation, PickerScreen, SetupScreen } from './pages/app-pages.ts';
import { cameraTrapImages, sharedPath } from '../support/shared.ts';

/*
 * The Data page: the Camtrap DP example package imported with its report, then published again.
 * A package that would not validate is never written: the person sees the list of problems.
 */
test('a Camtrap DP package in with its report, and out again only when it validates', async ({ page, station }, testInfo) => {
  // The page scrolls inside its main area: each picture shows the part the person is looking at.
  const shot = async (name: string, focus: string) => {
    await page.getByTestId(focus).scrollIntoViewIfNeeded();
    const file = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
  };
  const chooseFolder = async (field: string, folder: string) => {
    await page.getByTestId(`${field}-choose`).click();
    const picker = new PickerScreen(page);
    await picker.goTo(folder);
    await picker.choose();
  };
  await page.goto(station.openUrl);
  await page.getByTestId('library-default').click();

  // A deployment of our own with a card of other pictures, not yet labelled by anyone.
  const nav = new Navigation(page);
  await nav.go('deployments');
  await new SetupScreen(page).addLocation({ locationID: 'plains', locationName: 'Plains', latitude: '-2,33', longitude: '34,83' });
  await new SetupScreen(page).addDeployment({ deploymentID: 'plains-2010', locationID: 'plains', deploymentStart: '2010-01-01T00:00:00+03:00', deploymentEnd: '2018-12-31T23:59:59+03:00', cameraID: 'c1', cameraModel: 'm', cameraHeight: 1 });
  await expect(page.getByTestId('deployments')).toContainText('plains-2010');
  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(cameraTrapImages());
  await importer.chooseDeployment('plains-2010');
  if (await importer.outsideDates().isVisible()) await importer.confirmOutsideDates();
  await importer.start();
  await expect(importer.summary()).toBeVisible();
  await page.getByTestId('nav-exchange').click();

  // In: the example package from the Camtrap DP repository, files and all.
  await page.getByTestId('exchange-package').click();
  await page.getByTestId('package-kind-folder').check();
  await chooseFolder('package-source', sharedPath('fixtures', 'camtrap-dp-example'));
  await page.getByTestId('package-import-start').click();
  const report = page.getByTestId('package-import-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report).toContainText('Deployments4');
  await expect(report).toContainText('10 files copied and verified');
  await shot('01-package-import-report', 'package-import-report');

  // Out: first our own deployment alone, where nobody has named an animal yet: GBIF could not
  // publish it, so nothing is written and the problems are listed.
  await page.getByTestId('exchange-publish').click();
  await page.getByTestId('export-edit-project').click();
  await page.getByTestId('contributor-name').first().fill('Field team');
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('export-project')).not.toContainText(/not|no /i);
  await page.getByTestId('export-edit-project').click();
  const out = path.join(station.workDir, 'exports');
  fs.mkdirSync(out);
  await chooseFolder('export-folder', out);
  await page.getByTestId('export-media-thumbnails').check();
  await page.getByTestId('export-some').check();
  await page.getByTestId('export-panel').getByRole('checkbox', { name: /plains-2010/ }).check();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-invalid')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('export-problems').locator('li').first()).toBeVisible();
  expect(fs.readdirSync(out)).toEqual([]);
  await shot('02-export-refused-with-problems', 'export-invalid');

  // The whole library, with the example's named animals: validated, then written.
  await page.getByTestId('export-panel').getByRole('radio', { name: 'All deployments' }).check();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-written')).toBeVisible({ timeout: 120_000 });
  const written = fs.readdirSync(out);
  expect(written).toHaveLength(1);
  const datapackage = JSON.parse(fs.readFileSync(path.join(out, written[0] as string, 'datapackage.json'), 'utf8')) as { profile: string };
  expect(datapackage.profile).toBe('https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0.2/camtrap-dp-profile.json');
  await shot('03-export-written', 'export-written');
});
