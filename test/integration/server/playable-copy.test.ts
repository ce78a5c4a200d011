import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { toolPath } from '../../../electron/backend/media-tools/ffmpeg-binaries.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeVideo } from '../../support/make-video.ts';
import { served } from '../../support/served.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);
afterEach(() => {
  delete process.env.CAMTRAP_FFMPEG;
});

const fps = 5;

/** The machine's ffmpeg behind a script that notes each run, so the test can count the transcodes. */
function countingFfmpeg(): { log: string } {
  const real = toolPath('ffmpeg', {});
  if (!real) throw new Error('these tests need ffmpeg');
  const dir = tempDir('camtrap-ffmpeg-');
  const log = path.join(dir, 'runs.log');
  const script = path.join(dir, 'ffmpeg');
  fs.writeFileSync(script, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  process.env.CAMTRAP_FFMPEG = script;
  return { log };
}

function probe(file: string): { codec: string; frameRate: string; times: string[] } {
  const ffprobe = toolPath('ffprobe', {});
  if (!ffprobe) throw new Error('these tests need ffprobe');
  const args = ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,r_frame_rate:frame=best_effort_timestamp_time', '-of', 'json', file];
  const out = JSON.parse(spawnSync(ffprobe, args, { encoding: 'utf8' }).stdout) as { streams: { codec_name: string; r_frame_rate: string }[]; frames: { best_effort_timestamp_time: string }[] };
  const stream = out.streams[0];
  if (!stream) throw new Error(`no video stream in ${file}`);
  return { codec: stream.codec_name, frameRate: stream.r_frame_rate, times: out.frames.map((f) => Number(f.best_effort_timestamp_time).toFixed(3)) };
}

async function servedVideos() {
  const { t, server } = await served({ internalSecret: 'secret' });
  const root = path.join(tempDir(), 'library');
  await libraryWithDeployment(t, root);
  const card = tempDir('camtrap-play-card-');
  const frames = fs.readdirSync(heronMedia()).sort().slice(0, 5).map((name) => path.join(heronMedia(), name));
  // Each picture twice, so the frames differ in number from the pictures; the third video differs in size, so it is no duplicate.
  for (const [name, codec, width] of [['VID_0001.AVI', 'mjpeg', 160], ['VID_0002.MP4', 'h264', 160], ['VID_0003.AVI', 'mjpeg', 128]] as const) {
    makeVideo(path.join(card, name), { frames: frames.flatMap((f) => [f, f]), fps, codec, width });
  }
  await importAndWait(t, card, 'dep1');
  const items = (await t.must('media.page', {})).items;
  const byName = (name: string) => {
    const item = items.find((i) => i.fileName === name);
    if (!item) throw new Error(`${name} not imported`);
    return { ...item, file: path.join(root, ...item.filePath.split('/')) };
  };
  const play = (mediaID: string, range?: string) => fetch(`${server.url}/media/play/${mediaID}`, { headers: { Authorization: 'Bearer secret', ...(range ? { Range: range } : {}) } });
  return { server, root, byName, play };
}

describe('a video the browser cannot play is played from an H.264 copy', () => {
  it('makes the copy once for requests at once, serves it by ranges, keeps every frame at its time, and leaves the original as it was', async () => {
    const s = await servedVideos();
    const { log } = countingFfmpeg();
    try {
      const avi = s.byName('VID_0001.AVI');
      const before = fs.readFileSync(avi.file);
      const [a, b] = await Promise.all([s.play(avi.mediaID, 'bytes=0-'), s.play(avi.mediaID, 'bytes=0-99')]);
      const whole = Buffer.from(await a.arrayBuffer());
      const size = whole.length;
      expect([a.status, a.headers.get('content-type'), a.headers.get('accept-ranges'), a.headers.get('content-range')]).toEqual([206, 'video/mp4', 'bytes', `bytes 0-${size - 1}/${size}`]);
      expect([b.status, b.headers.get('content-range')]).toEqual([206, `bytes 0-99/${size}`]);
      expect(Buffer.from(await b.arrayBuffer()).equals(whole.subarray(0, 100))).toBe(true);
      const tail = await s.play(avi.mediaID, 'bytes=-64');
      expect([tail.status, tail.headers.get('content-range')]).toEqual([206, `bytes ${size - 64}-${size - 1}/${size}`]);
      expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(size - 64))).toBe(true);
      expect((await s.play(avi.mediaID, `bytes=${size}-`)).status).toBe(416);

      const transcodes = fs.readFileSync(log, 'utf8').split('\n').filter((line) => line.includes('libx264'));
      expect(transcodes).toHaveLength(1);
      // In the library's cache, whole, nothing left half-written; nothing beside the original.
      const cache = path.join(s.root, '.thumbnails');
      const cached = fs.readdirSync(cache, { recursive: true }).map(String).filter((f) => f.endsWith('.mp4') || f.endsWith('.part'));
      expect(cached).toEqual([path.join(avi.sha256.slice(0, 2), `${avi.sha256}-h264.mp4`)]);
      const copy = path.join(cache, cached[0] as string);
      expect(fs.readFileSync(copy).equals(whole)).toBe(true);
      expect(fs.readdirSync(path.dirname(avi.file)).filter((f) => !f.toUpperCase().endsWith('.AVI') && !f.toUpperCase().endsWith('.MP4'))).toEqual([]);
      expect(fs.readFileSync(avi.file).equals(before)).toBe(true);

      const original = probe(avi.file);
      const played = probe(copy);
      expect([original.codec, played.codec]).toEqual(['mjpeg', 'h264']);
      expect(played.frameRate).toBe(original.frameRate);
      expect(played.times).toEqual(original.times);
      expect(played.times).toHaveLength(10);

      // Asked again later: served from the cache, no new transcode.
      expect((await s.play(avi.mediaID, 'bytes=0-9')).status).toBe(206);
      expect(fs.readFileSync(log, 'utf8').split('\n').filter((line) => line.includes('libx264'))).toHaveLength(1);
    } finally {
      await s.server.close();
    }
  });

  it('serves a video the browser plays as it is, and answers a video that cannot be copied with an error the viewer shows as "cannot be played"', async () => {
    const s = await servedVideos();
    try {
      const mp4 = s.byName('VID_0002.MP4');
      const res = await s.play(mp4.mediaID, 'bytes=0-');
      expect([res.status, res.headers.get('content-type')]).toEqual([206, 'video/mp4']);
      expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(mp4.file))).toBe(true);

      // An AVI damaged on disk after import: its header still says AVI, nothing after it is a video.
      const broken = s.byName('VID_0003.AVI');
      const damaged = Buffer.concat([fs.readFileSync(broken.file).subarray(0, 12), Buffer.alloc(4096)]);
      fs.writeFileSync(broken.file, damaged);
      const refused = await s.play(broken.mediaID, 'bytes=0-');
      expect(refused.status).toBe(415);
      expect(fs.readFileSync(broken.file).equals(damaged)).toBe(true);
      const leftovers = fs.readdirSync(path.join(s.root, '.thumbnails'), { recursive: true }).map(String).filter((f) => f.includes(broken.sha256));
      expect(leftovers).toEqual([]);
    } finally {
      await s.server.close();
    }
  });
});
