import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ImportScreen, LibraryScreen, Navigation, PickerScreen, SetupScreen } from './pages/app-pages.ts';
import { makeVideo } from '../support/make-video.ts';
import { heronMedia } from '../support/shared.ts';

/*
 * A camera's videos in the viewer: one that plays, read from the app's media route by ranges,
 * with the frames MegaDetector found boxes in marked on a timeline, and one in a format the
 * browser cannot play (Motion JPEG in AVI, as older cameras write), played from an H.264 copy
 * the backend makes, its boxes at the same frames.
 */

const fps = 10;

/**
 * Three seconds of the heron card at 10 frames a second, each picture three frames: H.264 in MP4
 * as recent cameras write it (Debian's Chromium plays it), Motion JPEG in AVI as older ones do.
 */
function cameraVideo(file: string, codec: 'h264' | 'mjpeg', time: string): void {
  const pictures = fs.readdirSync(heronMedia()).sort().map((name) => path.join(heronMedia(), name));
  makeVideo(file, { frames: pictures.flatMap((p) => [p, p, p]), fps, codec, width: 320, creationTime: time });
  // A video's time is its file's time where it has none inside: the camera's clock.
  fs.utimesSync(file, new Date(time), new Date(time));
}

/** MegaDetector's output for the card, run on another computer: every fifth frame examined. */
function resultsFile(dir: string): string {
  const examined = [0, 5, 10, 15, 20, 25];
  const file = path.join(dir, 'md-results.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      info: { format_version: '1.4', detector: 'md_v5a.0.0.pt' },
      detection_categories: { '1': 'animal', '2': 'person', '3': 'vehicle' },
      images: [
        {
          file: '/home/ranger/card-07/VID_0001.MP4',
          frame_rate: fps,
          frames_processed: examined,
          detections: [
            { category: '1', conf: 0.9, bbox: [0.25, 0.25, 0.3, 0.4], frame_number: 10 },
            { category: '2', conf: 0.7, bbox: [0.55, 0.3, 0.2, 0.5], frame_number: 20 },
          ],
        },
        { file: '/home/ranger/card-07/VID_0002.AVI', frame_rate: fps, frames_processed: examined, detections: [{ category: '1', conf: 0.8, bbox: [0.1, 0.4, 0.4, 0.3], frame_number: 15 }] },
      ],
    }),
  );
  return file;
}

const currentTime = (video: Locator) => video.evaluate((v) => (v as HTMLVideoElement).currentTime);

test('a video plays in the viewer, its frames with boxes are marked on a timeline, and the next one, an AVI, plays with its box', async ({ page, station }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const card = path.join(station.workDir, 'card-07');
  fs.mkdirSync(card);
  cameraVideo(path.join(card, 'VID_0001.MP4'), 'h264', '2024-05-01T12:00:00Z');
  cameraVideo(path.join(card, 'VID_0002.AVI'), 'mjpeg', '2024-05-01T12:05:00Z');

  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  const nav = new Navigation(page);
  await nav.go('deployments');
  const setup = new SetupScreen(page);
  await setup.addLocation({ locationID: 'ford', locationName: 'Ford', latitude: 50.7, longitude: 4.0 });
  await setup.addDeployment({ deploymentID: 'ford-2024', locationID: 'ford', deploymentStart: '2024-01-01T00:00:00+01:00', deploymentEnd: '2024-12-31T00:00:00+01:00', cameraID: 'c7', cameraModel: 'Browning', cameraHeight: 0.5 });
  await nav.go('import');
  const importer = new ImportScreen(page);
  await importer.preview(card);
  await importer.chooseDeployment('ford-2024');
  await importer.start();
  await expect(page.getByTestId('summary-imported')).toHaveText('2');

  await nav.go('exchange');
  await page.getByTestId('exchange-results').click();
  await new PickerScreen(page).chooseFile('results-file', resultsFile(station.workDir));
  await expect(page.getByTestId('results-matched')).toContainText('2');
  await page.getByTestId('results-import-start').click();
  await expect(page.getByTestId('results-imported')).toBeVisible();

  await nav.go('media');
  await page.getByTestId('tile').first().locator('.tile-open').click();
  const viewer = page.getByTestId('viewer');
  await expect(viewer).toHaveAttribute('aria-label', 'VID_0001.MP4');
  const video = viewer.getByTestId('viewer-video');
  await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).duration)).toBeCloseTo(3, 1);
  await expect(viewer.getByTestId('video-unplayable')).toHaveCount(0);

  // The timeline: one mark per frame with boxes, in its class's colour; none drawn at the start.
  const markers = viewer.getByTestId('timeline-marker');
  await expect(markers).toHaveCount(2);
  await expect(markers.first()).toHaveAttribute('aria-label', 'Boxes at 1.0s: animal');
  await expect(markers.nth(1)).toHaveAttribute('aria-label', 'Boxes at 2.0s: person');
  await expect(markers.first()).toHaveCSS('background-color', 'rgb(240, 180, 41)');
  await expect(viewer.getByTestId('box')).toHaveCount(0);
  await expect(viewer.getByTestId('previous-boxes')).toBeDisabled();
  await shot('01-video-start');

  // Next frame with boxes: the video stops at frame 10 (1.0 s), the fox's box drawn over it.
  await viewer.getByTestId('next-boxes').click();
  await expect.poll(() => currentTime(video)).toBeCloseTo(10 / fps, 2);
  await expect(viewer.getByTestId('box')).toHaveCount(1);
  await expect(viewer.getByTestId('box-label')).toHaveText('animal 90%');
  await expect(viewer.getByTestId('box')).toHaveAttribute('stroke', '#f0b429');
  await expect(viewer.getByTestId('video-position')).toHaveText('1.0s of 3.0s');
  await expect.poll(() => video.evaluate((v) => !(v as HTMLVideoElement).seeking && (v as HTMLVideoElement).readyState >= 2)).toBe(true);
  await shot('02-next-frame-with-box');

  // The keys: "." on to the person at frame 20, "," back to the fox.
  await page.keyboard.press('.');
  await expect.poll(() => currentTime(video)).toBeCloseTo(20 / fps, 2);
  await expect(viewer.getByTestId('box-label')).toHaveText('person 70%');
  await expect(viewer.getByTestId('next-boxes')).toBeDisabled();
  await page.keyboard.press(',');
  await expect.poll(() => currentTime(video)).toBeCloseTo(10 / fps, 2);
  await expect(viewer.getByTestId('box-label')).toHaveText('animal 90%');

  // It plays: the time moves on and the boxes leave with their frame.
  await viewer.getByTestId('video-play').click();
  await expect(viewer.getByTestId('video-play')).toHaveText('Pause');
  await expect.poll(() => currentTime(video), { timeout: 10_000 }).toBeGreaterThan(1.3);
  await viewer.getByTestId('video-play').click();
  await expect(viewer.getByTestId('video-play')).toHaveText('Play');
  const paused = await currentTime(video);
  expect(paused).toBeGreaterThan(1.3);
  // A mark clicked: the video goes to its frame.
  await markers.nth(1).click();
  await expect.poll(() => currentTime(video)).toBeCloseTo(2, 2);
  await expect(viewer.getByTestId('box-label')).toHaveText('person 70%');

  // The labelling tools act on the video and its boxes: a box chosen is shown, then marked false.
  const review = viewer.getByTestId('media-review');
  const target = review.getByTestId('review-target');
  await expect(target.locator('option')).toHaveText(['Whole video', 'Box 1: animal 0.90 at 1.0s', 'Box 2: person 0.70 at 2.0s']);
  await target.selectOption({ label: 'Box 1: animal 0.90 at 1.0s' });
  await expect.poll(() => currentTime(video)).toBeCloseTo(1, 2);
  await target.selectOption({ label: 'Box 2: person 0.70 at 2.0s' });
  await review.getByRole('button', { name: 'False detection' }).click();
  await expect(review.getByTestId('observations')).toHaveText('False detection');
  await shot('03-box-marked-false');

  // The AVI, which the browser cannot play itself, plays from the copy the backend makes; its box is on the timeline and drawn.
  await viewer.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(viewer).toHaveAttribute('aria-label', 'VID_0002.AVI');
  const avi = viewer.getByTestId('viewer-video');
  await expect.poll(() => avi.evaluate((v) => (v as HTMLVideoElement).duration), { timeout: 30_000 }).toBeCloseTo(3, 1);
  await expect(viewer.getByTestId('video-unplayable')).toHaveCount(0);
  // The box chosen on the video before stays with it: nothing is chosen here yet.
  await expect(target).toHaveValue('');
  await expect(review.getByRole('button', { name: 'False detection' })).toBeDisabled();
  await expect(review.getByRole('button', { name: 'Empty video' })).toBeEnabled();
  await expect(viewer.getByTestId('timeline-marker')).toHaveCount(1);
  await viewer.getByTestId('next-boxes').click();
  await expect.poll(() => currentTime(avi)).toBeCloseTo(15 / fps, 2);
  await expect(viewer.getByTestId('box-label')).toHaveText('animal 80%');
  await expect(viewer.getByTestId('video-position')).toHaveText('1.5s of 3.0s');
  await viewer.getByTestId('video-play').click();
  await expect(viewer.getByTestId('video-play')).toHaveText('Pause');
  await expect.poll(() => currentTime(avi), { timeout: 10_000 }).toBeGreaterThan(1.8);
  await viewer.getByTestId('video-play').click();
  await expect(viewer.getByTestId('video-play')).toHaveText('Play');
  await expect(viewer.getByTestId('video-unplayable')).toHaveCount(0);
  await shot('04-avi-played-from-copy');
});
