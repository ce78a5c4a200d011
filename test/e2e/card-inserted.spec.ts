import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { heronMedia } from '../support/shared.ts';
import { LibraryScreen, Navigation } from './pages/app-pages.ts';

test('a card inserted while the import page is open is offered for import', async ({ page, station }, testInfo) => {
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  await new Navigation(page).go('import');
  await expect(page.getByText('No camera card is inserted')).toBeVisible();

  // What udisks does when a card goes in: a folder appears under /media/<user>/ with DCIM inside.
  const card = path.join(station.workDir, 'volumes', 'ranger', 'RECONYX');
  fs.mkdirSync(path.join(card, 'DCIM', '100RECNX'), { recursive: true });
  for (const name of fs.readdirSync(heronMedia())) fs.copyFileSync(path.join(heronMedia(), name), path.join(card, 'DCIM', '100RECNX', name));

  const banner = page.getByRole('status').filter({ hasText: 'A card was inserted: RECONYX' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Look at RECONYX' }).click();
  await expect(page.getByTestId('preview')).toContainText('10 files');
  await expect(page.getByTestId('suggestion')).toContainText('No deployment matches');
  await page.screenshot({ path: testInfo.outputPath('card-inserted.png'), fullPage: true });
});
