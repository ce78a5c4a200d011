import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeVideo } from '../../support/make-video.ts';
import { served } from '../../support/served.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

/** Five heron pictures as a one-second video, as a camera writes it: H.264 in MP4 or MOV, Motion JPEG in AVI. */
function video(file: string, codec: 'h264' | 'mjpeg'): Buffer {
  const frames = fs.readdirSync(heronMedia()).sort().slice(0, 5).map((name) => path.join(heronMedia(), name));
  return fs.readFileSync(makeVideo(file, { frames, fps: 5, codec, width: 160 }));
}

async function servedVideos() {
  const { t, server } = await served({ internalSecret: 'secret' });
  const root = path.join(tempDir(), 'library');
  await libraryWithDeployment(t, root);
  const card = tempDir('camtrap-video-card-');
  const files = {
    'VID_0001.MP4': { bytes: video(path.join(card, 'VID_0001.MP4'), 'h264'), type: 'video/mp4' },
    'VID_0002.AVI': { bytes: video(path.join(card, 'VID_0002.AVI'), 'mjpeg'), type: 'video/x-msvideo' },
    'VID_0003.MOV': { bytes: video(path.join(card, 'VID_0003.MOV'), 'h264'), type: 'video/quicktime' },
  };
  await importAndWait(t, card, 'dep1');
  const items = (await t.must('media.page', {})).items;
  const get = (mediaID: string, range?: string) => fetch(`${server.url}/media/file/${mediaID}`, { headers: { Authorization: 'Bearer secret', ...(range ? { Range: range } : {}) } });
  return { t, server, root, files, items, get };
}

describe('videos in browser mode, read by ranges as a video element reads them', () => {
  it('answers 206 with the part asked for, the whole file with Accept-Ranges, 416 with the size for a range it cannot give, each format with its type', async () => {
    const s = await servedVideos();
    try {
      expect(s.items.map((i) => [i.fileName, i.mediaType]).sort()).toEqual(Object.keys(s.files).map((name) => [name, 'video']));
      for (const item of s.items) {
        const { bytes, type } = s.files[item.fileName as keyof typeof s.files];
        const size = bytes.length;
        const whole = await s.get(item.mediaID);
        expect([whole.status, whole.headers.get('content-type'), whole.headers.get('accept-ranges'), whole.headers.get('content-length')], item.fileName).toEqual([200, type, 'bytes', String(size)]);
        expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
        // What Chromium asks first: from the start, open-ended.
        const first = await s.get(item.mediaID, 'bytes=0-');
        expect([first.status, first.headers.get('content-range'), first.headers.get('content-length'), first.headers.get('content-type')]).toEqual([206, `bytes 0-${size - 1}/${size}`, String(size), type]);
        expect(Buffer.from(await first.arrayBuffer()).equals(bytes)).toBe(true);
        const middle = await s.get(item.mediaID, 'bytes=100-199');
        expect([middle.status, middle.headers.get('content-range'), middle.headers.get('accept-ranges')]).toEqual([206, `bytes 100-199/${size}`, 'bytes']);
        expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
        const tail = await s.get(item.mediaID, 'bytes=-64');
        expect([tail.status, tail.headers.get('content-range')]).toEqual([206, `bytes ${size - 64}-${size - 1}/${size}`]);
        expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(size - 64))).toBe(true);
        for (const refused of [`bytes=${size}-`, `bytes=${size + 10}-${size + 20}`, 'bytes=0-1,4-5', 'bytes=9-3', 'lines=0-1']) {
          const res = await s.get(item.mediaID, refused);
          expect([res.status, res.headers.get('content-range'), await res.text()], refused).toEqual([416, `bytes */${size}`, '']);
        }
      }
      expect((await fetch(`${s.server.url}/media/file/${s.items[0]?.mediaID}`, { headers: { Range: 'bytes=0-' } })).status).toBe(401);
    } finally {
      await s.server.close();
    }
  });

  it('serves no bytes from outside the library, whatever file_path says, nor through a link', async () => {
    const s = await servedVideos();
    try {
      const item = s.items[0];
      if (!item) throw new Error('no media');
      const db = s.t.backend.requireLibrary().db;
      const outside = path.join(tempDir(), 'secret.mp4');
      fs.writeFileSync(outside, 'secret bytes outside the library');
      for (const bad of [path.relative(s.root, outside), outside, 'media/../../secret.mp4', 'media\\..\\secret.mp4']) {
        db.prepare('UPDATE media SET file_path = ? WHERE media_id = ?').run(bad, item.mediaID);
        for (const range of [undefined, 'bytes=0-', 'bytes=0-5']) {
          const res = await s.get(item.mediaID, range);
          expect([res.status, res.headers.get('content-range')], `${bad} ${range}`).toEqual([404, null]);
          expect(await res.text()).not.toContain('secret');
        }
      }
      // A video in media/ replaced by a link to a file elsewhere.
      const other = s.items[1];
      if (!other) throw new Error('no media');
      const inside = path.join(s.root, ...other.filePath.split('/'));
      fs.rmSync(inside);
      fs.symlinkSync(outside, inside);
      expect((await s.get(other.mediaID, 'bytes=0-5')).status).toBe(404);
    } finally {
      await s.server.close();
    }
  });
});
