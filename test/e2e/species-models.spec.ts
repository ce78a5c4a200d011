import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { Navigation, PickerScreen } from './pages/app-pages.ts';
import { patternOf, textsIn } from './support/texts.ts';
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
