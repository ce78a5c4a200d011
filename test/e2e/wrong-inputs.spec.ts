import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { PickerScreen } from './pages/app-pages.ts';
import { patternOf, textsIn } from './support/texts.ts';
import { cameraTrapImages, heronMedia } from '../support/shared.ts';

// What raw validation output looks like: none of it may reach a person.
const raw = /expected|received|too (big|small)|invalid_|[<>]=|ZodError|undefined|null|NaN|\bat .*\.ts\b|^\w+(\.\w+)*: /i;

/*
 * Wrong inputs of every kind a volunteer makes, in French: each is refused (or warned about)
 * with the app's own French message, never raw validation text, and nothing is half done.
 */
test('twenty wrong inputs, each answered in plain French', async ({ page, station }) => {
  const t = await textsIn('fr');
  const home = station.workDir;
  let answered = 0;
  const says = async (where: Locator | Page, key: string, count?: number) => {
    const pattern = patternOf(t, key, count);
    const alert = where.getByTestId('error').filter({ has: page.locator('p', { hasText: pattern }) });
    await expect(alert).toHaveCount(1);
    await expect(alert).toBeVisible();
    expect(await alert.innerText()).not.toMatch(raw);
    answered += 1;
  };
  const choose = async (field: string, folder: string, file?: string) => {
    await page.getByTestId(`${field}-choose`).click();
    const picker = new PickerScreen(page);
    await picker.goTo(folder);
    if (file) await page.getByTestId('picker-entry').filter({ hasText: file }).click();
    else await picker.choose();
  };
  const nav = (tab: string) => page.getByTestId(`nav-${tab}`).click();

  // Files a person might pick by mistake.
  fs.writeFileSync(path.join(home, 'birds.csv'), 'name,common\nArdea,heron\n');
  fs.writeFileSync(path.join(home, 'ponds.geojson'), JSON.stringify({ ponds: ['north', 'south'] }));
  fs.writeFileSync(path.join(home, 'camtrap-worker.tar.gz'), Buffer.from('not an image at all'));
  fs.mkdirSync(path.join(home, 'holiday photos'));
  fs.copyFileSync(path.join(cameraTrapImages(), 'domestic_dog.jpg'), path.join(home, 'holiday photos', 'IMG_0001.JPG'));

  await page.goto(station.openUrl);
  await page.getByTestId('language').selectOption('fr');
  await expect(page.getByRole('heading', { name: t('library.heading') })).toBeVisible();

  // 1-2: a folder that is not a library, and a library where other files already are.
  await choose('library-path', home);
  await page.getByTestId('library-open').click();
  await says(page, 'errors:not-a-library');
  await page.getByTestId('library-create').click();
  await says(page, 'errors:library-folder-not-empty');
  await page.getByTestId('library-default').click();
  await nav('deployments');

  // 3-8: coordinates off the map or unreadable, no name, a bad ID, an ID taken.
  const locationForm = page.getByTestId('location-form');
  const addLocation = async (l: { id?: string; name: string; lat: string; lon: string }) => {
    await locationForm.locator('[name=locationID]').fill(l.id ?? '');
    await locationForm.locator('[name=locationName]').fill(l.name);
    await locationForm.locator('[name=latitude]').fill(l.lat);
    await locationForm.locator('[name=longitude]').fill(l.lon);
    await locationForm.locator('[name=longitude]').press('Enter');
  };
  await addLocation({ name: 'Étang', lat: 'nord', lon: '4,013' });
  await says(locationForm, 'setup.badLatitude');
  await addLocation({ name: 'Étang', lat: '95', lon: '4,013' });
  await says(locationForm, 'setup.badLatitude');
  await addLocation({ name: 'Étang', lat: '50,699', lon: '200' });
  await says(locationForm, 'setup.badLongitude');
  await addLocation({ name: '', lat: '50,699', lon: '4,013' });
  await says(locationForm, 'errors:location-name-missing');
  await addLocation({ id: 'étang nord', name: 'Étang', lat: '50,699', lon: '4,013' });
  await says(locationForm, 'errors:id-bad-characters');
  await addLocation({ id: 'e3', name: 'Étang', lat: '50,699', lon: '4,013' });
  await expect(page.getByTestId('locations')).toContainText('Étang');
  await addLocation({ id: 'e3', name: 'Autre étang', lat: '50,7', lon: '4,01' });
  await says(locationForm, 'errors:location-id-taken');

  // 9: a deployment that ends before it starts.
  const form = page.getByTestId('deployment-form');
  const addDeployment = async (start: string, end: string) => {
    await form.locator('[name=deploymentID]').fill('62c200a9');
    await form.locator('[name=locationID]').selectOption('e3');
    await form.locator('[name=deploymentStartDate]').fill(start.slice(0, 10));
    await form.locator('[name=deploymentStartTime]').fill(start.slice(11));
    await form.locator('[name=deploymentEndDate]').fill(end.slice(0, 10));
    await form.locator('[name=deploymentEndTime]').fill(end.slice(11));
    await form.locator('[name=cameraID]').press('Enter');
  };
  await addDeployment('2021-04-18 23:25:00', '2021-03-27 21:38:18');
  await says(form, 'errors:deployment-ends-before-start');
  await addDeployment('2021-03-27 21:38:18', '2021-04-18 23:25:00');
  await expect(page.getByTestId('deployments')).toContainText('62c200a9');

  // 10: a location still in use.
  const setupPage = page.locator('main');
  await page.getByRole('button', { name: t('setup.deleteNamed', { name: 'Étang' }) }).click();
  await says(setupPage, 'errors:location-in-use', 1);

  // 11: a card folder that is gone by the time it is read.
  await nav('import');
  const gone = path.join(home, 'card-pulled-out');
  fs.mkdirSync(gone);
  await choose('import-source', gone);
  fs.rmSync(gone, { recursive: true });
  await page.getByTestId('import-preview').click();
  await says(page.locator('main'), 'errors:card-missing');

  // 12: holiday photos from another year into this deployment: warned before anything is copied.
  await choose('import-source', path.join(home, 'holiday photos'));
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-deployment').selectOption('62c200a9');
  const outside = page.getByTestId('outside-dates');
  await expect(outside.locator('strong')).toHaveText(patternOf(t, 'import.outside.heading', 1));
  await expect(page.getByTestId('import-start')).toBeDisabled();
  answered += 1;

  // The heron card itself, imported, so that the deployment holds pictures.
  await choose('import-source', heronMedia());
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-deployment')).toHaveValue('62c200a9');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('summary-imported')).toHaveText('10');

  // 13: a deployment that holds pictures cannot simply go.
  await nav('deployments');
  await page.getByRole('button', { name: t('setup.deleteNamed', { name: '62c200a9' }) }).click();
  if (await page.getByTestId('confirm-step').isVisible()) await page.getByTestId('confirm-delete').click();
  await says(setupPage, 'errors:deployment-holds-media', 10);
  await expect(page.getByTestId('deployments')).toContainText('62c200a9');

  // 14-15: settings out of range.
  await nav('settings');
  const settings = page.locator('main');
  // The settings arrive after the page: wrong values go in once the stored ones are shown.
  await expect(page.getByTestId('sequence-gap')).toHaveValue('60');
  await page.getByTestId('sequence-gap').fill('0');
  await page.getByTestId('sequence-gap').press('Enter');
  await page.getByRole('button', { name: t('settings.save') }).click();
  await says(settings, 'errors:field-too-small');
  await page.getByTestId('sequence-gap').fill('60');
  await page.getByTestId('independence').fill('99999999');
  await page.getByRole('button', { name: t('settings.save') }).click();
  await says(settings, 'errors:field-too-big');

  // 16-17: a species twice, and a species list without its column.
  const species = page.getByTestId('species-panel');
  await page.getByTestId('species-name').fill('Ardea cinerea');
  await page.getByTestId('species-add').click();
  await expect(page.getByTestId('species-name')).toHaveValue('');
  await page.getByTestId('species-name').fill('Ardea cinerea');
  await page.getByTestId('species-add').click();
  await says(species, 'errors:species-exists');
  await choose('species-csv', home, 'birds.csv');
  await species.getByRole('button', { name: t('review.importCsv') }).click();
  await says(species, 'errors:species-csv-no-column');

  // 18: a file that is not a worker image.
  const engine = page.getByTestId('engine-panel');
  await engine.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await choose('engine-tarball', home, 'camtrap-worker.tar.gz');
  await page.getByTestId('engine-load').click();
  await says(engine, 'errors:image-manifest-missing');

  // 19: a folder of holiday photos offered as a model.
  const models = page.getByTestId('models-panel');
  await page.getByTestId('model-kind-folder').check();
  await choose('model-source', path.join(home, 'holiday photos'));
  await page.getByTestId('model-add').click();
  await says(models, 'errors:model-package-no-manifest');

  // 20: JSON that is not GeoJSON, as a map layer.
  await nav('map');
  await choose('mbtiles-path', home, 'ponds.geojson');
  await page.getByTestId('mbtiles-import').click();
  await says(page.locator('main'), 'errors:geojson-not-geojson');

  expect(answered).toBe(20);
});
