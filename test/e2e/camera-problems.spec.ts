import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ImportScreen, LibraryScreen, Navigation, PickerScreen } from './pages/app-pages.ts';
import { newLibraryWithHeronStation } from './pages/heron-station.ts';
import { heronMedia } from '../support/shared.ts';

const figure = async (l: Locator) => Number((await l.innerText()).replace(',', '.'));

test('camera problem periods shade the timeline and leave trap nights out; a dates-only deployment counts its end days half', async ({ page, station }, testInfo) => {
  const shot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id}`)).toEqual([]);
  };
  const { deploymentID, nav } = await newLibraryWithHeronStation(page, station);
  const row = page.getByTestId('deployments').getByRole('row').filter({ hasText: deploymentID });

  // The panel opens from the keyboard, its heading in focus; no period yet.
  await row.getByRole('button', { name: `Camera problems of ${deploymentID}` }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('camera-problems');
  await expect(panel.getByRole('heading', { name: `Camera problems of deployment ${deploymentID}` })).toBeFocused();
  await expect(panel.getByTestId('no-problems')).toBeVisible();
  await expect(panel.getByTestId('effort-rule')).toHaveText('exact times');
  const nights = panel.getByTestId('effort-trap-nights');
  await expect(nights).not.toBeEmpty();
  const before = await figure(nights);
  expect(before).toBeGreaterThan(20);
  const timeline = panel.getByTestId('deployment-timeline').getByRole('img');
  await expect(timeline).toHaveAccessibleName(/The camera worked the whole time\./);

  // A period outside the deployment is refused in plain words.
  await panel.locator('[name=problemFromDate]').focus();
  await page.keyboard.type('05012021');
  await panel.locator('[name=problemToDate]').focus();
  await page.keyboard.type('05022021');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('error')).toContainText('lies outside the deployment');

  // 1 to 3 April, whole days, the card full: three days off.
  await panel.locator('[name=problemFromDate]').focus();
  await page.keyboard.type('04012021');
  await panel.locator('[name=problemToDate]').focus();
  await page.keyboard.type('04032021');
  await panel.locator('[name=problemReason]').focus();
  await page.keyboard.type('card full');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('problem-list')).toContainText('card full');
  await expect(panel.getByTestId('error')).toHaveCount(0);
  await expect(panel.getByTestId('timeline-problem')).toHaveCount(1);
  await expect(timeline).toHaveAccessibleName(/Camera not working: Apr 1, 2021 to Apr 3, 2021 \(card full\)\./);
  await expect.poll(() => figure(nights)).toBeCloseTo(before - 3, 2);
  await expect(panel.locator('[name=problemFromDate]')).toBeFocused();
  await shot('01-problem');

  // Changed to end at noon on 2 April: a day and a half off.
  await panel.getByRole('button', { name: 'Edit Apr 1, 2021 to Apr 3, 2021' }).click();
  await expect(panel.locator('[name=problemFromDate]')).toBeFocused();
  await panel.locator('[name=problemToDate]').focus();
  await page.keyboard.type('04022021');
  await panel.locator('[name=problemToTime]').focus();
  await page.keyboard.type('1200P');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('problem-list')).toContainText('Apr 2, 2021, 12:00 PM');
  await expect.poll(() => figure(nights)).toBeCloseTo(before - 1.5, 2);

  // Removed: the camera worked the whole time again.
  await panel.getByRole('button', { name: 'Remove the camera problem Apr 1, 2021 to Apr 2, 2021, 12:00 PM' }).click();
  await expect(panel.getByTestId('no-problems')).toBeVisible();
  await expect(panel.getByTestId('timeline-problem')).toHaveCount(0);
  await expect.poll(() => figure(nights)).toBeCloseTo(before, 2);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // A deployment entered by its days: no time pickers, setup and retrieval days count half.
  const form = page.getByTestId('deployment-form');
  await form.locator('[name=datesOnly]').focus();
  await page.keyboard.press('Space');
  await expect(form.getByText('Setup and retrieval days count as half days, as camtrapR counts them.')).toBeVisible();
  await expect(form.locator('[name=deploymentStartTime]')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('02-dates-only-form.png') });
  await form.locator('[name=deploymentID]').fill('d2');
  await form.locator('[name=locationID]').selectOption({ index: 1 });
  await form.locator('[name=deploymentStartDate]').fill('2021-05-01');
  await form.locator('[name=deploymentEndDate]').fill('2021-05-10');
  await form.locator('[name=deploymentEndDate]').press('Enter');
  const d2 = page.getByTestId('deployments').getByRole('row').filter({ hasText: 'd2' });
  await expect(d2).toContainText('May 1, 2021, 12:00 AM');
  await d2.getByRole('button', { name: 'Camera problems of d2' }).click();
  await expect(panel.getByTestId('effort-rule')).toHaveText('dates only: setup and retrieval days count half');
  await expect(panel.getByTestId('effort-calendar-days')).toHaveText('10');
  await expect(panel.getByTestId('effort-trap-nights')).toHaveText('9');
  await panel.locator('[name=problemFromDate]').fill('2021-05-05');
  await panel.locator('[name=problemToDate]').fill('2021-05-05');
  await panel.locator('[name=problemToDate]').press('Enter');
  await expect(panel.getByTestId('effort-trap-nights')).toHaveText('8');
  await expect(panel.getByTestId('effort-active-days')).toHaveText('9');
  await shot('03-dates-only');

  // Settings: what a record's time is measured from, camtrapR's deltaTimeComparedTo.
  await nav.go('settings');
  await page.getByTestId('independence-compared-to').selectOption('lastIndependentRecord');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByTestId('independence-compared-to')).toHaveValue('lastIndependentRecord');
  await page.screenshot({ path: testInfo.outputPath('04-settings.png') });
});

test("camtrapR's station table in UTM: the zone is chosen, its problem column becomes a camera problem, counted as camtrapR counts it", async ({ page, station }, testInfo) => {
  // camtrapR's own camtraps data (UTM zone 50N, Sabah) as write.csv writes it.
  const file = path.join(station.workDir, 'camtraps.csv');
  fs.writeFileSync(
    file,
    [
      '"","Station","utm_y","utm_x","Setup_date","Retrieval_date","Problem1_from","Problem1_to"',
      '"1","StationA",607050,526000,"02/04/2009","14/05/2009",NA,NA',
      '"3","StationC",604000,525000,"04/04/2009","17/05/2009","12/05/2009","17/05/2009"',
    ].join('\n'),
  );
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  const nav = new Navigation(page);
  await nav.go('exchange');
  await page.getByTestId('exchange-deployments').click();
  await new PickerScreen(page).chooseFile('deployments-csv-file', file);
  await expect(page.getByTestId('deployments-csv-format')).toContainText('One camera problem column pair');
  const start = page.getByTestId('deployments-csv-start');
  await expect(start).toBeDisabled();
  await page.getByTestId('deployments-csv-utm-zone').selectOption('50');
  await expect(page.getByTestId('deployments-csv-utm-hemisphere')).toHaveValue('north');
  await expect(start).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('01-utm.png') });
  await start.click();
  await expect(page.getByTestId('deployments-csv-imported')).toContainText('One camera problem period added.');

  await nav.go('deployments');
  await page.getByRole('button', { name: 'Camera problems of StationC-2009-04-04' }).click();
  const panel = page.getByTestId('camera-problems');
  // camtrapR's test-surveyReport.R: 44 calendar days, 38 active, 37.5 trap nights for StationC.
  await expect(panel.getByTestId('effort-calendar-days')).toHaveText('44');
  await expect(panel.getByTestId('effort-active-days')).toHaveText('38');
  await expect(panel.getByTestId('effort-trap-nights')).toHaveText('37.5');
  await expect(panel.getByTestId('effort-rule')).toHaveText('dates only: setup and retrieval days count half');
  await expect(panel.getByTestId('timeline-problem')).toHaveCount(1);
});

test('a picture taken while its camera was marked as not working is badged in the grid and the viewer', async ({ page, station }, testInfo) => {
  const { deploymentID, nav } = await newLibraryWithHeronStation(page, station);
  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(heronMedia());
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('10');

  // The heron pictures were taken on the evening of 11 April 2021.
  await nav.go('deployments');
  await page.getByRole('button', { name: `Camera problems of ${deploymentID}` }).click();
  const panel = page.getByTestId('camera-problems');
  await panel.locator('[name=problemFromDate]').fill('2021-04-11');
  await panel.locator('[name=problemToDate]').fill('2021-04-12');
  await panel.locator('[name=problemReason]').fill('clock wrong');
  await panel.locator('[name=problemReason]').press('Enter');
  await expect(panel.getByTestId('timeline-problem')).toHaveCount(1);

  await nav.go('media');
  const badges = page.getByTestId('tile').getByTestId('camera-problem-badge');
  await expect(badges).toHaveCount(10);
  await expect(badges.first()).toHaveAttribute('title', 'Taken while the camera was marked as not working: check its date');
  await page.screenshot({ path: testInfo.outputPath('01-grid.png') });
  await page.getByTestId('tile').first().getByRole('button').first().click();
  await expect(page.getByTestId('viewer').getByTestId('camera-problem-badge')).toContainText('camera problem');
  await page.screenshot({ path: testInfo.outputPath('02-viewer.png') });
  await page.keyboard.press('Escape');

  // On the map, the station says its trap nights leave the period out, and which rule counted them.
  await page.getByTestId('tile-select').first().check();
  await page.getByTestId('selection-species').fill('Ardea');
  await page.getByTestId('selection-label').click();
  await expect(page.getByTestId('selection-bar')).toBeHidden();
  await nav.go('map');
  await page.getByTestId('map-taxon').selectOption('species:Ardea');
  await page.getByTestId('station').first().click();
  await expect(page.getByTestId('station-panel').getByTestId('station-effort-note')).toHaveText(
    'Trap nights leave out the one period a camera here was marked as not working. Counted from the exact setup and retrieval times.',
  );
  await page.screenshot({ path: testInfo.outputPath('03-map-station.png') });
});
