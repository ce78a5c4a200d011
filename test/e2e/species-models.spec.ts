import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { ImportScreen, LibraryScreen, Navigation, PickerScreen, SetupScreen } from './pages/app-pages.ts';
import { patternOf, textsIn } from './support/texts.ts';
import { heronDeployment } from '../support/heron-deployment.ts';
import { heronMedia } from '../support/shared.ts';
import { tinyClassifierPackage } from '../support/tiny-classifier.ts';

/*
 * A species classifier package brought on a USB stick is added in Settings like a detector and
 * listed apart from the detectors, with what it names; a stand-in for testing says it is one.
 */
test('a species model is added from a folder and listed on its own, with its warning', async ({ page, station }) => {
  const t = await textsIn('en');
  const stick = tinyClassifierPackage(path.join(station.workDir, 'stick', 'tiny-test-classifier'));
  await page.goto(station.openUrl);
  await page.getByTestId('library-default').click();
  await new Navigation(page).go('settings');

  const classifiers = page.getByTestId('classifiers-panel');
  await expect(classifiers.getByRole('heading', { name: t('models.classifiersHeading') })).toBeVisible();
  await expect(classifiers.getByText(t('models.classifiersNone'))).toBeVisible();

  await page.getByTestId('model-kind-folder').check();
  await page.getByTestId('model-source-choose').click();
  const picker = new PickerScreen(page);
  await picker.goTo(stick);
  await picker.choose();
  await page.getByTestId('model-add').click();
  await expect(page.getByTestId('model-added')).toHaveText(t('models.classifierAdded', { name: 'Tiny test classifier', version: '1' }), { timeout: 60_000 });

  const item = page.getByTestId('classifier-tiny-test-classifier');
  await expect(item).toContainText(t('models.model', { name: 'Tiny test classifier', version: '1' }));
  await expect(item).toContainText(t('models.classifierLabels', { count: 6, species: 4 }));
  await expect(item).toContainText(t('models.licence', { licence: 'Apache-2.0' }));
  await expect(item.getByRole('note')).toHaveText(patternOf(t, 'models.classifierDevelopment'));
  // The detectors' list is unchanged: the classifier is not offered as a detector.
  await expect(page.getByTestId('models-installed')).not.toContainText('Tiny test classifier');
});

/*
 * The volunteer's path: the species model is chosen beside the detector on the Detection page,
 * one job finds the animals and their species on this computer, and the Images page shows the
 * machine's suggestions. The tiny classifier made by the test calls a grey night picture "animal".
 */
test('a job with a species model finds animals and their species, shown as suggestions', async ({ page, station }, testInfo) => {
  const t = await textsIn('en');
  const { location, deployment } = heronDeployment();
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  const nav = new Navigation(page);
  await nav.go('settings');
  await page.getByTestId('model-kind-folder').check();
  await page.getByTestId('model-source-choose').click();
  const picker = new PickerScreen(page);
  await picker.goTo(tinyClassifierPackage(path.join(station.workDir, 'stick', 'tiny-test-classifier')));
  await picker.choose();
  await page.getByTestId('model-add').click();
  await expect(page.getByTestId('model-added')).toBeVisible({ timeout: 60_000 });
  await nav.go('deployments');
  const setup = new SetupScreen(page);
  await setup.addLocation(location);
  await setup.addDeployment(deployment);
  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(heronMedia());
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('10');

  await nav.go('detect');
  await page.getByTestId('detect-species-model').selectOption('tiny-test-classifier');
  await expect(page.getByTestId('development-classifier')).toHaveText(t('detect.developmentClassifier'));
  await page.getByTestId('detect-runner').selectOption('cpu');
  await page.screenshot({ path: testInfo.outputPath('01-species-model-chosen.png') });
  await page.getByTestId('detect-go').click();
  const job = page.getByTestId('job').first();
  await expect(job.getByTestId('job-state')).toHaveText(t('detect.state.done'), { timeout: 120_000 });
  await expect(job.getByTestId('job-classifier')).toHaveText(t('detect.jobSpecies', { name: 'Tiny test classifier' }));

  await nav.go('media');
  await expect(page.getByTestId('tile-suggestion').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('02-suggestions.png') });
});
