import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { dockerMissing } from '../support/docker.ts';
import { LibraryScreen, Navigation } from './pages/app-pages.ts';

test('the settings page explains the container engine in plain words', async ({ page, station }, testInfo) => {
  const why = dockerMissing();
  if (why && process.env.CI) throw new Error(why);
  test.skip(why !== null, why ?? '');
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  await new Navigation(page).go('settings');
  const panel = page.getByTestId('engine-panel');
  // One sentence first, in plain words: what detection will run on and why; the engine's details are folded away.
  await expect(panel.getByTestId('engine-plan')).toContainText("Detection will run on this computer's processor: the container engine runs, but it cannot use a graphics card here.");
  await expect(panel.getByTestId('engine-state')).toBeHidden();
  await expect(panel.getByTestId('engine-state')).toContainText('Running, without GPU');
  await expect(panel.getByTestId('engine-state')).toContainText('NVIDIA Container Toolkit');
  await expect(panel).toContainText('runc');
  await page.screenshot({ path: testInfo.outputPath('engine-diagnostics.png'), fullPage: true });
});
