import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { makeVideo } from '../support/make-video.ts';
import { heronMedia } from '../support/shared.ts';
import { ImportScreen } from './pages/app-pages.ts';
import { newLibraryWithHeronStation } from './pages/heron-station.ts';

test('a video from the card is a tile with its poster frame and its length, counted apart from the pictures', async ({ page, station }, testInfo) => {
  const shot = async (name: string, target = page.locator('body')) => {
    const file = testInfo.outputPath(`${name}.png`);
    await target.screenshot({ path: file });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
  };
  // Nine heron pictures, and the camera's twelve-second video right after them.
  const frames = fs
    .readdirSync(heronMedia())
    .sort()
    .map((f) => path.join(heronMedia(), f));
  const card = path.join(station.workDir, 'card');
  fs.mkdirSync(card);
  for (const frame of frames.slice(0, 9)) fs.copyFileSync(frame, path.join(card, path.basename(frame)));
  makeVideo(path.join(card, 'VID0001.MP4'), { frames: [...frames, ...frames.slice(0, 2)], fps: 1, codec: 'h264', width: 640, creationTime: '2021-04-11T20:43:16Z' });

  const { nav, deploymentID } = await newLibraryWithHeronStation(page, station);

  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(card);
  // The video's own capture time, not today's file time, puts it in the deployment.
  await expect(page.getByTestId('import-deployment')).toHaveValue(deploymentID);
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('10');

  await page.getByTestId('see-images').click();
  await expect(page.getByTestId('media-count')).toHaveText('9 images and 1 video in 1 sequence');
  await expect(page.getByTestId('sequence')).toContainText('9 images and 1 video · ');
  await expect(page.getByTestId('tile')).toHaveCount(10);
  const tile = page.getByTestId('tile').filter({ has: page.getByTestId('tile-video') });
  await expect(tile).toHaveCount(1);
  await expect(tile.getByTestId('tile-video')).toHaveText('video · 0:12');
  await expect(tile.getByTestId('tile-time')).toHaveText('4/11/21, 8:43:16 PM');
  // The poster decoded: a real JPEG, 320 wide like a picture's thumbnail, and no broken image or file name.
  await expect.poll(() => tile.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(320);
  await expect(page.getByTestId('tile-missing')).toHaveCount(0);
  await expect.poll(() => page.locator('[data-testid=tile] img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(10);
  await shot('01-grid-with-video');
  await shot('02-video-tile', tile);
});
