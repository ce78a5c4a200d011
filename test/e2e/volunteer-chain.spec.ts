import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { textsIn } from './support/texts.ts';
import { heronMedia } from '../support/shared.ts';

// Where the first-hour guide in the README takes its pictures from: `CAMTRAP_GUIDE_SHOTS=1 npx playwright test volunteer-chain`.
const guideDir = path.resolve(import.meta.dirname, '../../docs/first-hour');

/*
 * A volunteer's whole first hour at 1366x768 with the keyboard, once in English and once in
 * Chinese: no path is typed (folders are chosen in the folder browser) and no ISO date (the
 * station's local time is picked). Every step is photographed and checked by axe.
 */
for (const language of ['en', 'zh-CN'] as const) {
  test(`first run to the map with the keyboard, in ${language}`, async ({ page, station }, testInfo) => {
    const t = await textsIn(language);
    let step = 0;
    const shot = async (name: string) => {
      step += 1;
      const file = testInfo.outputPath(`${language}-${String(step).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file });
      await testInfo.attach(`${language} ${step} ${name}`, { path: file, contentType: 'image/png' });
      if (process.env.CAMTRAP_GUIDE_SHOTS && language === 'en') fs.copyFileSync(file, path.join(guideDir, path.basename(file).slice(language.length + 1)));
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    };
    // A person presses Enter on a button once it can act (its page may still be loading).
    const enter = async (testId: string) => {
      await expect(page.getByTestId(testId)).toBeEnabled();
      await page.getByTestId(testId).press('Enter');
    };

    // The heron card, as udisks mounts it when it goes into the laptop.
    const card = path.join(station.workDir, 'volumes', 'volunteer', 'HERONCARD', 'DCIM', '100RECNX');
    fs.mkdirSync(card, { recursive: true });
    for (const name of fs.readdirSync(heronMedia())) fs.copyFileSync(path.join(heronMedia(), name), path.join(card, name));

    // First run: the language, then a library in the default place with one key.
    await page.goto(station.openUrl);
    if (language !== 'en') {
      await page.getByTestId('language').focus();
      await page.keyboard.press('ArrowDown');
      await expect(page.getByTestId('language')).toHaveValue(language);
    }
    await expect(page.getByRole('heading', { name: t('library.heading') })).toBeVisible();
    await expect(page.getByTestId('library-default-path')).toHaveText(path.join(station.workDir, 'Camtrap Station'));
    await shot('welcome');
    await enter('library-default');
    await expect(page.getByTestId('nav-media')).toHaveText(t('app.nav.media'));

    // A location with decimal commas, as a field sheet writes them.
    await enter('nav-deployments');
    const locationForm = page.getByTestId('location-form');
    await locationForm.locator('[name=locationID]').focus();
    await page.keyboard.type('e3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Heron pond');
    await page.keyboard.press('Tab');
    await page.keyboard.type('50,699');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4,013');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('locations')).toContainText('Europe/Brussels');

    // The deployment in the station's own time (Brussels: winter time at the start, summer time at the end).
    const form = page.getByTestId('deployment-form');
    await form.locator('[name=deploymentID]').focus();
    await page.keyboard.type('62c200a9');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    // Chromium's date and time pickers: month, day, year; hours, minutes, seconds, AM/PM.
    await form.locator('[name=deploymentStartDate]').focus();
    await page.keyboard.type('03272021');
    await form.locator('[name=deploymentStartTime]').focus();
    await page.keyboard.type('093818P');
    await form.locator('[name=deploymentEndDate]').focus();
    await page.keyboard.type('04182021');
    await form.locator('[name=deploymentEndTime]').focus();
    await page.keyboard.type('112500P');
    await expect(form.getByTestId('deploymentEnd-zone')).toContainText('UTC+02:00');
    await form.locator('[name=cameraID]').focus();
    await page.keyboard.type('H2RXEM06043616');
    await shot('deployment');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('deployments')).toContainText('62c200a9');

    // The card, chosen in the folder browser: its place, then "choose this folder".
    await enter('nav-import');
    await enter('import-source-choose');
    await enter('place-card');
    await expect(page.getByTestId('picker-where')).toHaveText(path.join(station.workDir, 'volumes', 'volunteer', 'HERONCARD'));
    await shot('card-in-folder-browser');
    await enter('picker-choose');
    await enter('import-preview');
    await expect(page.getByTestId('import-deployment')).toHaveValue('62c200a9');
    await shot('import-preview');
    await enter('import-start');
    await expect(page.getByTestId('summary-imported')).toHaveText('10');
    await shot('import-summary');

    // Detection, offered as the next step, and what it found.
    await enter('next-detect');
    await enter('detect-go');
    const job = page.getByTestId('job').first();
    await expect(job.getByTestId('job-state')).toHaveText(t('detect.state.done'), { timeout: 90_000 });
    await expect(job.getByTestId('run-counts')).toBeVisible();
    await shot('detection-done');

    // The sequence labelled with Enter, from the checklist by its common name; undone and redone.
    await enter('nav-media');
    const species = page.getByTestId('label-species').first();
    await species.focus();
    await page.keyboard.type(language === 'en' ? 'grey heron' : '苍鹭');
    await expect(page.getByRole('listbox', { name: t('review.species') }).getByRole('option').first()).toContainText('Ardea cinerea');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tile-label').first()).toBeVisible();
    const did = t('review.did.label', { count: 10, name: 'Ardea cinerea' });
    await expect(page.getByTestId('undo')).toHaveAttribute('title', t('review.undoThis', { what: did }));
    await shot('labelled');
    await page.getByTestId('undo').focus();
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('undo-status')).toHaveText(t('review.undone', { what: did }));
    await expect(page.getByTestId('tile-label')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId('undo-status')).toHaveText(t('review.redone', { what: did }));
    await expect(page.getByTestId('tile-label')).toHaveCount(10);
    await shot('undo-redo');

    // The map, drawn without the network, with the station on it.
    await enter('nav-map');
    await page.getByTestId('map-taxon').selectOption('species:Ardea cinerea');
    await expect(page.getByTestId('station').filter({ hasText: 'Heron pond' })).toBeVisible();
    await shot('map');

    // The language chosen on the first screen is kept: a reload (or the next start) speaks it too.
    await page.reload();
    await expect(page.getByTestId('nav-map')).toHaveText(t('app.nav.map'));
    await expect(page.getByTestId('language')).toHaveValue(language);
  });
}
