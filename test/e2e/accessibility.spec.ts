import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { Navigation } from './pages/app-pages.ts';

// Every page, checked by axe: no serious or critical violation (contrast, names, roles, labels).
test('no page has a serious or critical accessibility violation', async ({ page, station }) => {
  const check = async (where: string): Promise<void> => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
    expect(bad).toEqual([]);
  };
  await page.goto(station.openUrl);
  await expect(page.getByTestId('library-default')).toBeVisible();
  await check('first screen');
  await page.getByTestId('library-path-choose').click();
  await expect(page.getByTestId('picker')).toBeVisible();
  await check('folder browser');
  await page.getByTestId('picker-cancel').click();
  await page.getByTestId('library-default').click();
  const nav = new Navigation(page);
  for (const tab of ['media', 'import', 'detect', 'map', 'deployments', 'exchange', 'settings'] as const) {
    await nav.go(tab);
    await page.waitForLoadState('networkidle');
    await check(tab);
  }
  // Each part of the Data page, and the project form the export needs.
  await nav.go('exchange');
  for (const section of ['publish', 'project', 'package', 'results', 'tables', 'deployments']) {
    await page.getByTestId(`exchange-${section}`).click();
    await page.waitForLoadState('networkidle');
    await check(`data: ${section}`);
  }
});
