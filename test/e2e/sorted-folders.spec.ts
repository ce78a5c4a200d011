import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { LibraryScreen, Navigation, PickerScreen, SetupScreen } from './pages/app-pages.ts';
import { heronDeployment } from '../support/heron-deployment.ts';
import { heronPicture, putFile, sortedHeronCard } from '../support/sorted-card.ts';

/**
 * Herons sorted by hand the camtrapR way: six in Ardea_cinerea (one in an individual's folder),
 * two in UNID, two in a folder nobody named a species; a picture loose in the station folder and
 * a station the library does not have.
 */
function sortedCard(root: string): string {
  sortedHeronCard(root);
  putFile(root, heronPicture(31), 'Wad', 'loose.JPG');
  return root;
}

test('import a card sorted into Station/Species folders, naming an unknown folder with the keyboard', async ({ page, station }, testInfo) => {
  const shot = async (name: string) => {
    const file = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  };
  const card = sortedCard(path.join(station.workDir, 'sorted'));
  const { deployment } = heronDeployment();

  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  const nav = new Navigation(page);
  await nav.go('deployments');
  const setup = new SetupScreen(page);
  await setup.addLocation({ locationID: 'wad', locationName: 'Wad', latitude: 50.699, longitude: 4.013 });
  await expect(page.getByTestId('locations')).toContainText('Wad');
  await setup.addDeployment({ ...deployment, locationID: 'wad' });
  await expect(page.getByTestId('deployments')).toContainText(deployment.deploymentID);

  await nav.go('import');
  // The kind of card is chosen with the keyboard: arrows move within the radio group.
  await page.getByTestId('import-kind-camera').focus();
  await expect(page.getByTestId('import-kind-camera')).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('import-kind-sorted')).toBeChecked();
  await page.getByTestId('import-source-choose').click();
  const picker = new PickerScreen(page);
  await picker.goTo(card);
  await picker.choose();
  await page.getByTestId('import-preview').press('Enter');

  const preview = page.getByTestId('sorted-preview');
  await expect(preview).toContainText('12 files in 2 station folders and 4 species folders.');
  await expect(page.getByTestId('sorted-layout')).toHaveValue('station-species');
  const wad = page.locator('[data-testid=station-folder][data-folder="Wad"]');
  await expect(wad).toContainText('10');
  await expect(wad.getByTestId('station-folder-deployment')).toHaveText(`Deployment ${deployment.deploymentID} at Wad`);
  await expect(page.locator('[data-testid=station-folder][data-folder="Nowhere"]')).toContainText('The folder Nowhere has no station of that name in the library');
  await expect(page.getByTestId('left-where-they-are')).toContainText('Nowhere: one file');
  await expect(page.getByTestId('left-where-they-are')).toContainText('One file is not inside a species folder.');

  const folder = (name: string) => page.locator(`[data-testid=species-folder][data-folder="${name}"]`);
  await expect(folder('Ardea_cinerea').getByTestId('species-folder-holds')).toHaveText('Grey heron Ardea cinerea');
  await expect(folder('Ardea_cinerea')).toContainText('from its name');
  await expect(folder('UNID').getByTestId('species-folder-holds')).toHaveText('Unknown animal');
  await expect(folder('UNID')).toContainText('from the word');
  await expect(folder('big grey bird').getByTestId('species-folder-holds')).toHaveText('Choose what this folder holds');
  await expect(page.getByTestId('sorted-start')).toBeDisabled();
  await expect(page.getByTestId('sorted-why')).toHaveText('Choose what the folder big grey bird holds first.');
  await shot('01-sorted-preview');

  // The folder nobody named, mapped with the keyboard from the checklist by its common name.
  const chooser = page.locator('[data-testid=folder-chooser][data-folder="big grey bird"]');
  await chooser.getByTestId('folder-species').focus();
  await page.keyboard.type('grey heron');
  await expect(chooser.getByRole('option').first()).toContainText('Ardea cinerea');
  await page.keyboard.press('Enter');
  await expect(folder('big grey bird').getByTestId('species-folder-holds')).toHaveText('Grey heron Ardea cinerea');
  await expect(folder('big grey bird')).toContainText('your choice');
  await expect(page.getByTestId('sorted-why')).toHaveCount(0);
  await expect(page.getByTestId('sorted-start')).toHaveText('Import 10 files');
  await shot('02-sorted-mapped');

  await page.getByTestId('sorted-start').press('Enter');
  const summary = page.getByTestId('sorted-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('sorted-state')).toHaveText('The station folder was imported.');
  const row = page.locator(`[data-testid=sorted-import][data-deployment="${deployment.deploymentID}"]`);
  await expect(row.getByTestId('sorted-imported')).toHaveText('10');
  await expect(row.getByTestId('sorted-duplicates')).toHaveText('0');
  await expect(row.getByTestId('sorted-failed')).toHaveText('0');
  await expect(page.getByTestId('sorted-labelled')).toHaveText('10 files were labelled with the species of their folder.');
  await expect(page.getByTestId('sorted-left-out')).toContainText('Nowhere: The folder Nowhere has no station of that name in the library');
  await expect(page.getByTestId('sorted-left-out')).toContainText('One file is not inside a species folder.');
  await shot('03-sorted-summary');

  await page.getByTestId('see-images').press('Enter');
  await expect(page.getByTestId('tile')).toHaveCount(10);
  const labels = await page.getByTestId('tile-label').allTextContents();
  expect(labels.filter((l) => l === 'Grey heron')).toHaveLength(8);
  // UNID: seen by a person, no species.
  expect(labels.filter((l) => l === '✓ reviewed')).toHaveLength(2);
  await shot('04-grid-labelled');

  // The mapping is remembered: the same card again says so, and every file is already there.
  await nav.go('import');
  await page.getByTestId('import-kind-sorted').check();
  await page.getByTestId('import-source-choose').click();
  await picker.goTo(card);
  await picker.choose();
  await page.getByTestId('import-preview').click();
  await expect(folder('big grey bird')).toContainText('you chose this before');
  await page.getByTestId('sorted-start').click();
  await expect(row.getByTestId('sorted-duplicates')).toHaveText('10', { timeout: 60_000 });
  await expect(page.getByTestId('sorted-labelled')).toHaveText('0 files were labelled with the species of their folder.');
});
