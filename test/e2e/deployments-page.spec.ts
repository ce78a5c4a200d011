import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { Navigation, SetupScreen } from './pages/app-pages.ts';

test('add a location and a deployment with the keyboard alone, in station time; edit, correct the clock, delete', async ({ page, station }, testInfo) => {
  // Each step is photographed and checked by axe: no serious or critical violation.
  const shot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id}`)).toEqual([]);
  };
  await page.goto(station.openUrl);
  await page.getByTestId('library-default').click();
  await new Navigation(page).go('deployments');

  // Location: Tab from field to field, Enter submits.
  const locationForm = page.getByTestId('location-form');
  await locationForm.getByLabel('Location ID').focus();
  await page.keyboard.type('pond');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Moon pond');
  await page.keyboard.press('Tab');
  await page.keyboard.type('50,699');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4,013');
  await page.keyboard.press('Enter');
  const locations = page.getByTestId('locations');
  await expect(locations).toContainText('Moon pond');
  await expect(locations).toContainText('Europe/Brussels');

  // Deployment: the same, with the date and time pickers; the zone and its offset show for each date.
  const form = page.getByTestId('deployment-form');
  await form.getByLabel('Deployment ID').focus();
  await page.keyboard.type('d1');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Location')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(form.getByTestId('deploymentStart-zone')).toHaveText('Local time at the station: Europe/Brussels, UTC+01:00');
  // Chromium's pickers (in its default en-US): Tab stops at month, day, year, then the calendar
  // button; typing a segment in full moves on to the next one.
  await page.keyboard.press('Tab');
  await expect(form.locator('[name=deploymentStartDate]')).toBeFocused();
  await page.keyboard.type('03272021');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.locator('[name=deploymentStartTime]')).toBeFocused();
  await page.keyboard.type('093818P');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.locator('[name=deploymentEndDate]')).toBeFocused();
  await page.keyboard.type('04182021');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('102500P');
  await expect(form.getByTestId('deploymentStart-zone')).toHaveText('Local time at the station: Europe/Brussels, UTC+01:00');
  await expect(form.getByTestId('deploymentEnd-zone')).toHaveText('Local time at the station: Europe/Brussels, UTC+02:00');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Camera ID')).toBeFocused();
  await page.keyboard.type('H2RX');
  await page.keyboard.press('Enter');
  const deployments = page.getByTestId('deployments');
  const row = deployments.getByRole('row').filter({ hasText: 'd1' });
  await expect(row).toContainText('Mar 27, 2021, 9:38 PM');
  await expect(row).toContainText('Apr 18, 2021, 10:25 PM');
  await shot('01-added');

  // Edit: the form comes with the deployment's station times; a new end keeps its zone's offset.
  await row.getByRole('button', { name: 'Edit d1' }).click();
  await expect(form.getByRole('heading')).toHaveText('Edit deployment d1');
  await expect(form.locator('[name=deploymentEndTime]')).toHaveValue('22:25:00');
  await form.locator('[name=deploymentEndDate]').fill('2021-10-31');
  await form.locator('[name=deploymentEndTime]').fill('12:00:00');
  await expect(form.getByTestId('deploymentEnd-zone')).toHaveText('Local time at the station: Europe/Brussels, UTC+01:00');
  await shot('02-editing');
  await form.getByLabel('Notes').focus();
  await page.keyboard.type('by the reeds');
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Oct 31, 2021, 12:00 PM');
  await expect(row.getByRole('button', { name: 'Edit d1' })).toBeFocused();

  // The clock: the camera showed 20:00 when it was 21:00 and five seconds.
  await row.getByRole('button', { name: 'Clock of d1' }).click();
  const clock = page.getByTestId('clock-form');
  await clock.locator('[name=cameraShowedTime]').fill('20:00:00');
  await clock.locator('[name=realTimeTime]').fill('21:00:05');
  await expect(clock.getByTestId('clock-result')).toHaveText('The camera was 1 hr 5 sec slow: every time will move forward by 1 hr 5 sec.');
  await shot('03-clock');
  await clock.locator('[name=realTimeTime]').press('Enter');
  await expect(row).toContainText('+1 hr 5 sec');

  // A location with a deployment cannot go; an empty deployment can, after a question.
  await locations.getByRole('button', { name: 'Delete Moon pond' }).click();
  await expect(page.getByTestId('error')).toContainText('Location Moon pond cannot be deleted: deployment d1 is at it.');
  await row.getByRole('button', { name: 'Delete d1' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Delete deployment d1?');
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await shot('04-confirm');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Delete d1' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete deployment' }).click();
  await expect(row).toHaveCount(0);
  await locations.getByRole('button', { name: 'Delete Moon pond' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete location' }).click();
  await expect(locations).not.toContainText('Moon pond');

  // The page object the other specs use still fills the pickers.
  await new SetupScreen(page).addLocation({ locationID: 'kl', locationName: 'Gombak', latitude: '3,25', longitude: '101,7' });
  await expect(locations).toContainText('Asia/Kuala_Lumpur');
  await new SetupScreen(page).addDeployment({ deploymentID: 'd2', locationID: 'kl', deploymentStart: '2021-06-01T08:00:00+08:00', deploymentEnd: '2021-06-30T18:00:00+08:00', cameraID: 'c', cameraModel: 'm', cameraHeight: 1 });
  await expect(deployments.getByRole('row').filter({ hasText: 'd2' })).toContainText('Jun 1, 2021, 8:00 AM');
});

test('a location picked on the offline map, near the coordinates already written', async ({ page, station }) => {
  await page.goto(station.openUrl);
  await page.getByTestId('library-default').click();
  await new Navigation(page).go('deployments');
  const form = page.getByTestId('location-form');
  await form.locator('[name=latitude]').fill('50,699');
  await form.locator('[name=longitude]').fill('4,013');
  await form.getByTestId('pick-on-map').click();
  const map = form.getByTestId('pick-map');
  await expect(map).toBeVisible();
  // A click a little north-east of the centre, where the written coordinates are.
  const box = await map.boundingBox();
  if (!box) throw new Error('the map has no size');
  await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 - 40);
  const latitude = Number((await form.locator('[name=latitude]').inputValue()).replace(',', '.'));
  const longitude = Number((await form.locator('[name=longitude]').inputValue()).replace(',', '.'));
  expect(latitude).toBeGreaterThan(50.699);
  expect(latitude).toBeLessThan(50.9);
  expect(longitude).toBeGreaterThan(4.013);
  expect(longitude).toBeLessThan(4.3);
  await form.locator('[name=locationName]').fill('Picked pond');
  await form.locator('[name=locationName]').press('Enter');
  await expect(page.getByTestId('locations')).toContainText('Europe/Brussels');
});
