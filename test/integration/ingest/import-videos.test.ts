import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../electron/backend/library/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeVideo, truncatedCopy } from '../../support/make-video.ts';
import { served } from '../../support/served.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const herons = () =>
  fs
    .readdirSync(heronMedia())
    .sort()
    .map((f) => path.join(heronMedia(), f));

/** The heron card's ten frames as a camera in video mode would have written them, in the three containers cameras use. */
let card: string;
beforeAll(() => {
  card = tempDir('camtrap-video-card-');
  const frames = herons();
  makeVideo(path.join(card, 'HERON.MP4'), { frames, fps: 2, codec: 'h264', width: 640, creationTime: '2021-04-11T20:43:20Z' });
  makeVideo(path.join(card, 'HERON.AVI'), { frames, fps: 5, codec: 'mjpeg', width: 640, creationTime: '2021-04-11T20:43:30Z' });
  // A phone's MOV: creation_time in UTC, and its local time with the offset in Apple's own tag.
  makeVideo(path.join(card, 'HERON.MOV'), { frames, fps: 10, codec: 'h264', width: 320, creationTime: '2021-04-11T18:43:40Z', tags: { 'com.apple.quicktime.creationdate': '2021-04-11T20:43:40+0200' } });
  // No time in the container: the file time stands in, with the usual warning.
  makeVideo(path.join(card, 'NOTIME.MP4'), { frames: frames.slice(0, 3), fps: 1, codec: 'mjpeg', width: 320 });
  const mtime = new Date('2021-04-12T06:00:00');
  fs.utimesSync(path.join(card, 'NOTIME.MP4'), mtime, mtime);
  // Cut short as a card pulled while the camera wrote: the MP4's index, at the end, is lost.
  const whole = makeVideo(path.join(tempDir(), 'whole.mp4'), { frames: frames.slice(5), fps: 2, codec: 'h264', width: 640, creationTime: '2021-04-11T20:44:00Z' });
  truncatedCopy(whole, path.join(card, 'CUT.MP4'));
  // An AVI cut short keeps its header, which ffprobe reads as if the whole film were there.
  const wholeAvi = makeVideo(path.join(tempDir(), 'whole.avi'), { frames: frames.slice(2), fps: 4, codec: 'mjpeg', width: 640, creationTime: '2021-04-11T20:43:35Z' });
  truncatedCopy(wholeAvi, path.join(card, 'CUT.AVI'));
});

describe('importing camera-trap videos', () => {
  it('reads length, frame rate, frame count, size, codec and capture time of MP4, AVI and MOV, and counts them as videos', async () => {
    const lib = await testBackendWithLibrary();
    const { summary } = await importAndWait(lib.t, card, 'dep1');
    expect(summary).toMatchObject({ state: 'done', imported: 6, failed: [], notImported: [] });

    const page = await lib.t.must('media.page', {});
    expect([page.total, page.videos]).toEqual([6, 6]);
    const byName = Object.fromEntries(page.items.map((m) => [m.fileName, m])) as Record<string, MediaItem>;
    expect(byName['HERON.MP4']).toMatchObject({ mediaType: 'video', width: 640, height: 450, frameRate: 2, frameCount: 10, videoCodec: 'h264', timestamp: '2021-04-11 20:43:20', timeFromFile: false });
    expect(byName['HERON.MP4']?.durationS).toBeCloseTo(5, 1);
    expect(byName['HERON.AVI']).toMatchObject({ mediaType: 'video', width: 640, height: 450, frameRate: 5, frameCount: 10, videoCodec: 'mjpeg', timestamp: '2021-04-11 20:43:30', timeFromFile: false });
    expect(byName['HERON.AVI']?.durationS).toBeCloseTo(2, 1);
    // The phone's own local time wins over the UTC one.
    expect(byName['HERON.MOV']).toMatchObject({ width: 320, height: 226, frameRate: 10, videoCodec: 'h264', timestamp: '2021-04-11 20:43:40', timeFromFile: false });
    expect(byName['HERON.MOV']?.durationS).toBeCloseTo(1, 1);
    expect(byName['NOTIME.MP4']).toMatchObject({ videoCodec: 'mjpeg', frameRate: 1, timestamp: '2021-04-12 06:00:00', timeFromFile: true });

    const warnings = Object.fromEntries(summary.warnings.map((w) => [path.basename(w.path), w.reason]));
    expect(warnings['NOTIME.MP4']).toMatch(/file time was used/);
    expect(Object.keys(warnings).sort()).toEqual(['CUT.AVI', 'CUT.MP4', 'NOTIME.MP4']);
  });

  it('keeps a cut-off video, verified, and says plainly that it could not be read, or that its end is missing', async () => {
    const lib = await testBackendWithLibrary();
    const { summary } = await importAndWait(lib.t, card, 'dep1');
    const warning = (name: string) => summary.warnings.find((w) => path.basename(w.path) === name)?.reason;
    expect(warning('CUT.MP4')).toMatch(/^This video could not be read \(it may be damaged or cut off\): it was imported as it is/);
    expect(warning('CUT.MP4')).toMatch(/file time was used/);
    expect(warning('CUT.AVI')).toBe('This video is cut off (the card may have been removed while the camera was writing it): it was imported as it is; its end is missing.');
    const items = (await lib.t.must('media.page', {})).items;
    const cutMp4 = items.find((m) => m.fileName === 'CUT.MP4');
    expect(cutMp4).toMatchObject({ mediaType: 'video', durationS: null, frameRate: null, videoCodec: null, width: null, timeFromFile: true });
    // What the AVI's header says is kept: its time, size and codec are right even if its length is not.
    expect(items.find((m) => m.fileName === 'CUT.AVI')).toMatchObject({ videoCodec: 'mjpeg', width: 640, frameRate: 4, timestamp: '2021-04-11 20:43:35', timeFromFile: false });
    for (const name of ['CUT.MP4', 'CUT.AVI']) {
      const item = items.find((m) => m.fileName === name);
      expect(fs.readFileSync(path.join(lib.root, item?.filePath ?? '')).equals(fs.readFileSync(path.join(card, name))), name).toBe(true);
    }
  });

  it('serves a JPEG poster frame as a video thumbnail, scaled and cached like a picture, and 404 for a video that gives none', async () => {
    const { t, server } = await served({ internalSecret: 'secret' });
    try {
      const root = path.join(tempDir(), 'library');
      await libraryWithDeployment(t, root);
      await importAndWait(t, card, 'dep1');
      const items = (await t.must('media.page', {})).items;
      const get = (m: MediaItem | undefined) => fetch(`${server.url}/media/thumb/${m?.mediaID}`, { headers: { Authorization: 'Bearer secret' } });
      for (const name of ['HERON.MP4', 'HERON.AVI', 'HERON.MOV']) {
        const item = items.find((m) => m.fileName === name);
        const thumb = await get(item);
        expect([thumb.status, thumb.headers.get('content-type')], name).toEqual([200, 'image/jpeg']);
        const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
        expect([meta.format, meta.width], name).toEqual(['jpeg', 320]);
        expect(fs.existsSync(path.join(root, '.thumbnails', item?.sha256.slice(0, 2) ?? '', `${item?.sha256}-320.jpg`)), name).toBe(true);
      }
      // One frame only, shorter than the half second a poster is taken at: the first frame.
      const short = makeVideo(path.join(tempDir(), 'ONE.MP4'), { frames: herons().slice(0, 1), fps: 5, codec: 'h264', width: 320, creationTime: '2021-04-11T20:45:00Z' });
      const shortCard = path.dirname(short);
      await importAndWait(t, shortCard, 'dep1');
      const one = (await t.must('media.page', {})).items.find((m) => m.fileName === 'ONE.MP4');
      expect((await get(one)).status).toBe(200);
      expect((await get(items.find((m) => m.fileName === 'CUT.MP4'))).status).toBe(404);
      // The server keeps answering after a video that gave no poster.
      expect((await get(items.find((m) => m.fileName === 'HERON.MP4'))).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('dates a card of videos in the preview by their containers, as the import will', async () => {
    const lib = await testBackendWithLibrary();
    const preview = await lib.t.must('ingest.preview', { source: card });
    expect(preview).toMatchObject({ files: 6, images: 0, videos: 6, firstTime: '2021-04-11 20:43:20', lastTime: '2021-04-11 20:43:40' });
  });
});

async function testBackendWithLibrary() {
  const t = testBackend();
  const root = path.join(tempDir(), 'library');
  await libraryWithDeployment(t, root);
  return { t, root };
}
