import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { heronDeployment } from '../support/heron-deployment.ts';
import { heronMedia } from '../support/shared.ts';
import { ImportScreen, PickerScreen } from './pages/app-pages.ts';
import { newLibraryWithHeronStation } from './pages/heron-station.ts';

const fox = 'b1a3f1c1-1d51-4a6b-a4d2-0f5d7a1e2c3b;mammalia;carnivora;canidae;vulpes;vulpes;red fox';

/** SpeciesNet's predictions.json for the card as it was: every picture a red fox at 92 %, with its box. */
function writePredictions(file: string): void {
  const pictures = fs.readdirSync(heronMedia()).filter((f) => /\.jpe?g$/i.test(f));
  const predictions = pictures.map((name) => ({
    filepath: path.join(heronMedia(), name),
    classifications: { classes: [fox], scores: [0.92] },
    detections: [{ category: '1', label: 'animal', conf: 0.9, bbox: [0.1, 0.2, 0.3, 0.4] }],
    prediction: fox,
    prediction_score: 0.92,
    prediction_source: 'classifier',
    model_version: '4.0.1a',
  }));
  fs.writeFileSync(file, JSON.stringify({ predictions }));
}

test('species only the machine named appear on the map, and in its legend, once they are switched on', async ({ page, station }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const { location } = heronDeployment();
  const { nav } = await newLibraryWithHeronStation(page, station);
  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(heronMedia());
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('10');

  // The classifier's answers come in from a SpeciesNet file, as from a run on another machine.
  const predictions = path.join(station.workDir, 'predictions.json');
  writePredictions(predictions);
  await nav.go('exchange');
  await page.getByTestId('exchange-results').click();
  await new PickerScreen(page).chooseFile('results-file', predictions);
  await expect(page.getByTestId('results-matched')).toContainText('10');
  await page.getByTestId('results-import-start').click();
  await expect(page.getByTestId('results-imported')).toBeVisible();

  await nav.go('map');
  const taxon = page.getByTestId('map-taxon');
  const legend = page.getByTestId('map-legend');
  const toggle = page.getByTestId('machine-species-on');
  // Off at first: nobody has labelled, so the map knows no species, and the probability waits.
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('machine-species-threshold')).toBeDisabled();
  await expect(taxon.locator('option[value="species:Vulpes vulpes"]')).toHaveCount(0);
  await expect(legend.getByTestId('legend-machine')).toHaveCount(0);

  await toggle.check();
  await expect(taxon.locator('option[value="species:Vulpes vulpes"]')).toHaveCount(1);
  await expect(legend.getByTestId('legend-machine')).toHaveText(/machine's predictions of 80\s?% or more/);
  await taxon.selectOption('species:Vulpes vulpes');
  const stationButton = page.getByTestId('station').filter({ hasText: location.locationName });
  await expect(stationButton).toContainText('4.54 events per 100 trap nights (1 in 22.03 nights)');
  await shot('01-machine-species-on');

  // Above the classifier's 92 %, the fox is gone again; the legend says which probability counts.
  await page.getByTestId('machine-species-threshold').selectOption('0.95');
  await expect(legend.getByTestId('legend-machine')).toHaveText(/95\s?%/);
  await expect(stationButton).toContainText('(0 in 22.03 nights)');
  await page.getByTestId('machine-species-threshold').selectOption('0.9');
  await expect(stationButton).toContainText('(1 in 22.03 nights)');

  // Off: people's labels only, and the legend no longer mentions the machine.
  await toggle.uncheck();
  await expect(legend.getByTestId('legend-machine')).toHaveCount(0);
  await expect(taxon.locator('option[value="species:Vulpes vulpes"]')).toHaveCount(0);
  await shot('02-machine-species-off');
});
