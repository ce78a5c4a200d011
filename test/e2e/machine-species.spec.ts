import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { heronMedia } from '../support/shared.ts';
import { ImportScreen, PickerScreen } from './pages/app-pages.ts';
import { newLibraryWithHeronStation } from './pages/heron-station.ts';

const greyHeron = '3b4a3d7e-0000-4000-8000-000000000001;aves;pelecaniformes;ardeidae;ardea;cinerea;grey heron';

/** SpeciesNet's predictions.json for the heron card, made on another computer: the first picture surest, the fourth least sure. */
function predictionsFile(dir: string): string {
  const scores = [0.95, 0.9, 0.88, 0.41, 0.8, 0.85, 0.9, 0.92, 0.93, 0.9];
  const predictions = fs
    .readdirSync(heronMedia())
    .sort()
    .map((name, i) => ({
      filepath: `/home/ranger/heron-card/${name}`,
      classifications: { classes: [greyHeron], scores: [scores[i] ?? 0.9] },
      detections: [{ category: '1', label: 'animal', conf: 0.9, bbox: [0.2, 0.2, 0.4, 0.5] }],
      prediction: greyHeron,
      prediction_score: scores[i] ?? 0.9,
      prediction_source: 'classifier',
      model_version: '4.0.1a',
    }));
  const file = path.join(dir, 'predictions.json');
  fs.writeFileSync(file, JSON.stringify({ predictions }));
  return file;
}

test('the species model’s suggestion shows as the machine’s, is accepted with A for the whole sequence, and Ctrl+Z takes it back', async ({ page, station }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const { nav } = await newLibraryWithHeronStation(page, station);
  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(heronMedia());
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('10');

  // SpeciesNet's answers, from a file, as the species stage of a run would store them.
  await nav.go('exchange');
  await page.getByTestId('exchange-results').click();
  await new PickerScreen(page).chooseFile('results-file', predictionsFile(station.workDir));
  await expect(page.getByTestId('results-matched')).toContainText('10');
  await page.getByTestId('results-import-start').click();
  await expect(page.getByTestId('results-imported')).toBeVisible();

  await nav.go('media');
  const tiles = page.getByTestId('tile');
  const suggestions = page.getByTestId('tile-suggestion');
  await expect(suggestions).toHaveCount(10);
  await expect(suggestions.first()).toHaveText(/grey heron 95%/);
  // The machine's, not a person's: no label, and the keys are said.
  await expect(page.getByTestId('tile-label')).toHaveCount(0);
  await expect(page.getByTestId('suggestion-keys')).toContainText('Press A');
  await expect(page.getByTestId('accept-sequence')).toHaveText('Accept suggestions (A)');
  await shot('01-suggestions');

  // Least certain first.
  await page.getByTestId('media-sort').selectOption('uncertain');
  await expect(suggestions.first()).toHaveText(/grey heron 41%/);
  await page.getByTestId('media-sort').selectOption('time');
  await expect(suggestions.first()).toHaveText(/grey heron 95%/);

  // A on a picture accepts the whole sequence, as a person's label.
  await tiles.first().locator('.tile-open').focus();
  await page.keyboard.press('a');
  await expect(suggestions).toHaveCount(0);
  await expect(page.getByTestId('tile-label')).toHaveCount(10);
  await expect(page.getByTestId('tile-label').first()).toHaveText('Grey heron');
  await shot('02-accepted');

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('undo-status')).toHaveText('Undone: labelled Ardea cinerea on 10 pictures');
  await expect(suggestions).toHaveCount(10);
  await expect(page.getByTestId('tile-label')).toHaveCount(0);

  // In the viewer: the suggestion beside its box and in the bar, A accepts this picture only.
  await tiles.nth(3).locator('.tile-open').click();
  const viewer = page.getByTestId('viewer');
  await expect(viewer.getByTestId('viewer-suggestion')).toContainText(/grey heron 41%/i);
  await expect(viewer.getByTestId('accept-suggestion')).toHaveText('Accept suggestion (A)');
  await shot('03-viewer-suggestion');
  await page.keyboard.press('a');
  await expect(viewer.getByTestId('viewer-suggestion')).toHaveCount(0);
  await expect(viewer.getByTestId('observations')).toHaveText('Ardea cinerea');
  await page.keyboard.press('Control+z');
  await expect(viewer.getByTestId('viewer-suggestion')).toContainText(/grey heron 41%/i);
  await expect(viewer.getByTestId('observations')).toHaveText('');
  await page.getByTestId('viewer-close').click();
  await expect(suggestions).toHaveCount(10);
});
