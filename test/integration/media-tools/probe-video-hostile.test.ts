import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeVideo, VideoProbeError } from '../../../electron/backend/media-tools/probe-video.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

// A stand-in ffprobe prints what a damaged or hostile file could make the real one print.
let dir: string;
let answer: string;
beforeAll(() => {
  dir = tempDir('camtrap-fake-ffprobe-');
  const fake = path.join(dir, 'ffprobe');
  fs.writeFileSync(fake, '#!/bin/sh\n[ "$1" = "-version" ] && exit 0\n[ -f "$FAKE_PROBE_FAIL" ] && { cat "$FAKE_PROBE_FAIL" >&2; exit 1; }\ncat "$FAKE_PROBE_ANSWER"\n', { mode: 0o755 });
  answer = path.join(dir, 'answer.json');
  process.env.CAMTRAP_FFPROBE = fake;
  process.env.FAKE_PROBE_ANSWER = answer;
  process.env.FAKE_PROBE_FAIL = path.join(dir, 'fail.txt');
});
afterEach(() => fs.rmSync(path.join(dir, 'fail.txt'), { force: true }));
afterAll(() => {
  delete process.env.CAMTRAP_FFPROBE;
  delete process.env.FAKE_PROBE_ANSWER;
  delete process.env.FAKE_PROBE_FAIL;
  removeTempDirs();
});

const says = (output: unknown) => fs.writeFileSync(answer, typeof output === 'string' ? output : JSON.stringify(output));

async function refusal(): Promise<VideoProbeError> {
  const err = await probeVideo('/any/VIDEO.MP4').then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof VideoProbeError)) throw new Error(`expected a VideoProbeError, got ${String(err)}`);
  return err;
}

describe("ffprobe's answer about a file from a card is not trusted", () => {
  it('drops fields of the wrong type or out of range, and keeps the rest', async () => {
    says({
      streams: [
        { codec_type: 'video', codec_name: 'mjpeg', disposition: { attached_pic: 1 }, width: 100, height: 100 },
        { codec_type: 'video', codec_name: 'h264<script>', width: 'wide', height: -5, avg_frame_rate: '0/0', r_frame_rate: '30000/1001', nb_frames: 'N/A', duration: 'NaN', tags: { creation_time: '1904-01-01T00:00:00.000000Z' } },
      ],
      format: { duration: '12.5', tags: { creation_time: 'yesterday', date: '2021:04:11 20:43:09', make: 'Bad\u0007Cam\n', model: 42 } },
    });
    expect(await probeVideo('/any/VIDEO.MP4')).toEqual({
      durationS: 12.5,
      frameRate: 30000 / 1001,
      frameCount: null,
      width: null,
      height: null,
      codec: 'h264script',
      takenAt: '2021-04-11 20:43:09',
      make: 'Bad Cam',
      model: null,
    });
  });

  it('reads the capture time in the order it is trusted, and a clock never set as none', async () => {
    says({ streams: [{ codec_type: 'video', tags: { creation_time: '2021-04-11T20:43:12.250000Z' } }], format: { tags: { creation_time: '1970-01-01T00:00:00Z' } } });
    expect((await probeVideo('/any/VIDEO.MP4')).takenAt).toBe('2021-04-11 20:43:12.250');
    says({ streams: [{ codec_type: 'video' }], format: { tags: { creation_time: '2021-04-11T18:43:09Z', 'com.apple.quicktime.creationdate': '2021-04-11T20:43:09+0200' } } });
    expect((await probeVideo('/any/VIDEO.MOV')).takenAt).toBe('2021-04-11 20:43:09');
    says({ streams: [{ codec_type: 'video' }], format: { tags: { creation_time: '2021-13-40T25:00:00Z' } } });
    expect((await probeVideo('/any/VIDEO.MP4')).takenAt).toBeNull();
  });

  it('calls a file unreadable when ffprobe fails, answers nonsense, too much, or finds no picture track', async () => {
    fs.writeFileSync(path.join(dir, 'fail.txt'), 'moov atom not found\n');
    expect(await refusal()).toMatchObject({ reason: 'unreadable', message: 'moov atom not found' });
    fs.rmSync(path.join(dir, 'fail.txt'));
    says('this is not json');
    expect((await refusal()).reason).toBe('unreadable');
    says({ streams: 'many', format: [] });
    expect((await refusal()).message).toBe('no picture track found');
    says({ streams: [{ codec_type: 'audio', codec_name: 'aac' }] });
    expect((await refusal()).message).toBe('no picture track found');
    says(`{"streams": [], "padding": "${'x'.repeat(5 * 1024 * 1024)}"}`);
    expect((await refusal()).message).toMatch(/wrote more than/);
  });

  it('says when there is no ffprobe at all', async () => {
    const saved = process.env.CAMTRAP_FFPROBE;
    process.env.CAMTRAP_FFPROBE = path.join(dir, 'not-there');
    try {
      expect((await refusal()).reason).toBe('no-tool');
    } finally {
      process.env.CAMTRAP_FFPROBE = saved;
    }
  });
});
