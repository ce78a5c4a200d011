import type { Locator } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './fixtures.ts';
import { newLibraryWithHeronStation } from './pages/heron-station.ts';
import { heronDeployment } from '../support/heron-deployment.ts';
import { SetupScreen } from './pages/app-pages.ts';

/** Where the map looks, as the map page writes it on its element after each move. */
async function view(map: Locator) {
  const [lat, lng] = ((await map.getAttribute('data-center')) ?? '0,0').split(',').map(Number);
  return { zoom: Number(await map.getAttribute('data-zoom')), lat: lat ?? 0, lng: lng ?? 0, box: (await map.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 } };
}

/** Web Mercator, as Leaflet draws it: the pixel in the map element of a latitude and longitude. */
function pixel(v: Awaited<ReturnType<typeof view>>, lat: number, lng: number) {
  const world = 256 * 2 ** v.zoom;
  const y = (l: number) => Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360));
  return { x: Math.round(v.box.width / 2 + ((lng - v.lng) / 360) * world), y: Math.round(v.box.height / 2 - ((y(lat) - y(v.lat)) / (2 * Math.PI)) * world) };
}

/** The share of points along a line of latitude, between two longitudes, that are drawn as land. */
async function landAlong(map: Locator, lat: number, west: number, east: number) {
  const v = await view(map);
  const { data, info } = await sharp(await map.screenshot()).raw().toBuffer({ resolveWithObject: true });
  const scale = info.width / v.box.width;
  let land = 0;
  let seen = 0;
  for (let lng = west; lng <= east; lng += 0.5) {
    const p = pixel(v, lat, lng);
    if (p.x < 0 || p.y < 0 || p.x >= v.box.width || p.y >= v.box.height) continue;
    const i = (Math.round(p.y * scale) * info.width + Math.round(p.x * scale)) * info.channels;
    seen += 1;
    // The ocean is the map's light blue (#b8d2e0); land is pale green-grey (#e3e9dc) or its coast.
    const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    if (!(Math.abs(r - 0xb8) < 12 && Math.abs(g - 0xd2) < 12 && Math.abs(b - 0xe0) < 12)) land += 1;
  }
  expect(seen, `no point of latitude ${lat} on screen`).toBeGreaterThan(10);
  return land / seen;
}

test('the map opens round one station with its surroundings, round two stations a world apart, and draws finer land as it zooms, offline', async ({ page, station }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const left: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) left.push(r.url());
  });
  const { location, deployment } = heronDeployment();
  const { nav } = await newLibraryWithHeronStation(page, station);
  const setup = new SetupScreen(page);

  await nav.go('map');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-zoom', /\d/);
  const one = await view(map);
  expect(one.zoom).toBeLessThanOrEqual(7);
  expect(one.zoom).toBeGreaterThanOrEqual(5);
  // At that zoom the 1:10m coasts and borders are drawn round the station.
  await expect(map).toHaveAttribute('data-basemap', '10m');
  // Lakes and rivers (Natural Earth 1:50m) come with the finer land.
  await expect(map).toHaveAttribute('data-water', 'lakes-rivers');
  await expect(map.locator('.leaflet-control-scale-line')).toBeVisible();
  await expect(map.locator('.leaflet-control-scale-line')).toHaveText(/^\d+ k?m$/);
  const legend = page.getByTestId('map-legend');
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('per 100 trap nights');
  await expect(legend).toContainText('min apart count as one event');
  await expect(map.locator('.station-label')).toHaveText([location.locationName]);
  await expect(page.getByTestId('overview-inset'), 'one station needs no world overview').toHaveCount(0);
  // Land round the station: it is not a blank field but land with the sea on the map.
  const round = await landAlong(map, location.latitude, location.longitude - 3, location.longitude + 3);
  expect(round).toBeGreaterThan(0.3);
  expect(round, 'the North Sea west of the station').toBeLessThan(1);
  await shot('01-one-station');

  await nav.go('deployments');
  await setup.addLocation({ locationID: 'danum-1', locationName: 'Danum Valley', latitude: 4.965, longitude: 117.795 });
  await setup.addDeployment({ ...deployment, deploymentID: 'danum-1-2021', locationID: 'danum-1', cameraID: 'D1' });
  await expect(page.getByText('danum-1-2021').first()).toBeVisible();
  await nav.go('map');
  await expect(map).toHaveAttribute('data-zoom', /\d/);
  await expect(map.locator('.station-label')).toHaveText([location.locationName, 'Danum Valley'], { useInnerText: true });
  // Stations a world apart: a small world map in the corner shows where they are and where the map looks.
  await expect(page.getByTestId('overview-inset')).toBeVisible();
  const two = await view(map);
  expect(two.zoom).toBeLessThanOrEqual(3);
  for (const s of [location, { latitude: 4.965, longitude: 117.795 }]) {
    const p = pixel(two, s.latitude, s.longitude);
    expect(p.x).toBeGreaterThan(0);
    expect(p.x).toBeLessThan(two.box.width);
    expect(p.y).toBeGreaterThan(0);
    expect(p.y).toBeLessThan(two.box.height);
  }
  await shot('02-two-stations');

  // Zoomed out over the Arctic and the Pacific: the seas are sea, no band crosses them.
  await map.locator('.leaflet-control-zoom-out').click();
  await expect(map).toHaveAttribute('data-zoom', String(two.zoom - 1));
  await expect(map).toHaveAttribute('data-basemap', '110m');
  await expect(map).toHaveAttribute('data-water', 'none');
  await shot('03-world');
  // The Norwegian Sea at 68° north, the Arabian Sea at 15° north, where the bands ran.
  expect(await landAlong(map, 68, -12, 5)).toBe(0);
  expect(await landAlong(map, 15, 58, 70)).toBe(0);

  // Zoomed in again, finer land is loaded from the app itself.
  for (let z = two.zoom - 1; z < 5; z += 1) {
    await map.locator('.leaflet-control-zoom-in').click();
    await expect(map).toHaveAttribute('data-zoom', String(z + 1));
  }
  await expect(map).toHaveAttribute('data-basemap', '50m');
  await shot('04-zoomed-in');
  expect(left, 'the map asked the network').toEqual([]);
});
