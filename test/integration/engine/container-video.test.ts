import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSays } from '../../../electron/backend/rpc/stored-says.ts';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { requireDocker } from '../../support/docker.ts';
import { iou } from '../../support/ground-truth.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeVideo, truncatedCopy } from '../../support/make-video.ts';
import { useTestModels } from '../../support/models.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

beforeAll(() => {
  useTestModels();
  process.env.CAMTRAP_RESOURCES_DIR = path.resolve('resources');
});
afterAll(removeTempDirs);

interface Box {
  category: string;
  conf: number;
  bbox: number[];
  frame: number | null;
}

interface Outcome {
  status: string;
  truncated: number;
  failure: string | null;
  frameRate: number | null;
  frames: number[] | null;
  boxes: Box[];
}

type Backend = ReturnType<typeof testBackend>;

function outcome(t: Backend, runId: number, fileName: string): Outcome {
  const db = t.backend.requireLibrary().db;
  const row = db
    .prepare(
      `SELECT x.media_pk AS pk, x.status, x.truncated, x.failure, x.frame_rate AS frameRate, x.frames_processed AS frames
       FROM detection_results x JOIN media m ON m.media_pk = x.media_pk WHERE x.run_id = ? AND m.file_name = ?`,
    )
    .get(runId, fileName) as { pk: number; status: string; truncated: number; failure: string | null; frameRate: number | null; frames: string | null } | undefined;
  if (!row) throw new Error(`run ${runId} has no result for ${fileName}`);
  const boxes = (db.prepare('SELECT category, conf, x, y, w, h, frame_number AS frame FROM detections WHERE run_id = ? AND media_pk = ?').all(runId, row.pk) as { category: string; conf: number; x: number; y: number; w: number; h: number; frame: number | null }[]).map(
    (b) => ({ category: b.category, conf: b.conf, bbox: [b.x, b.y, b.w, b.h], frame: b.frame }),
  );
  return { ...row, frames: row.frames === null ? null : (JSON.parse(row.frames) as number[]), boxes };
}

const best = (boxes: Box[], category = 'animal'): Box | undefined => boxes.filter((b) => b.category === category).sort((a, b) => b.conf - a.conf)[0];

interface Agreement {
  boxes: number;
  unmatched: number;
  worstIou: number;
  worstConf: number;
}

/** Every CPU box at or above the threshold, matched in the container's boxes of the same frame by category and overlap. */
function agreement(cpu: Box[], container: Box[], threshold: number): Agreement {
  const result: Agreement = { boxes: 0, unmatched: 0, worstIou: 1, worstConf: 0 };
  for (const box of cpu.filter((b) => b.conf >= threshold)) {
    result.boxes += 1;
    const same = container.filter((c) => c.frame === box.frame && c.category === box.category).sort((a, b) => iou(b.bbox, box.bbox) - iou(a.bbox, box.bbox))[0];
    const overlap = same ? iou(same.bbox, box.bbox) : 0;
    if (!same || overlap < 0.9) {
      result.unmatched += 1;
      continue;
    }
    result.worstIou = Math.min(result.worstIou, overlap);
    result.worstConf = Math.max(result.worstConf, Math.abs(same.conf - box.conf));
  }
  return result;
}

describe('videos in the PyTorch container', () => {
  it('samples the frames the CPU worker samples, finds the heron where the stills have it, and fails a cut-off video alone', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const names = fs.readdirSync(heronMedia()).filter((n) => /\.jpe?g$/i.test(n)).sort();
    expect(names).toHaveLength(10);
    // The stills at the model's own size (even, as H.264 wants it): the MP4's frames are these
    // pictures, so that both workers see the same pixels, as in the stills' comparison.
    const stills = tempDir();
    const videos = tempDir();
    for (const dir of [stills, videos]) fs.chmodSync(dir, 0o755);
    for (const name of names) await sharp(path.join(heronMedia(), name)).resize(416, 292, { fit: 'fill' }).jpeg({ quality: 95 }).toFile(path.join(stills, name));
    // 2 frames a second: frames 0, 2, 4, 6, 8 at one a second. The AVI at full size and 3 a second: 0, 3, 6, 9.
    const creationTime = '2021-05-31T08:25:38Z';
    makeVideo(path.join(videos, 'heron-h264.mp4'), { frames: names.map((n) => path.join(stills, n)), fps: 2, codec: 'h264', creationTime });
    makeVideo(path.join(videos, 'heron-mjpeg.avi'), { frames: names.map((n) => path.join(heronMedia(), n)), fps: 3, codec: 'mjpeg', creationTime });
    truncatedCopy(path.join(videos, 'heron-h264.mp4'), path.join(videos, 'heron-h264-cut.mp4'), 0.6);
    truncatedCopy(path.join(videos, 'heron-mjpeg.avi'), path.join(videos, 'heron-mjpeg-cut.avi'), 0.6);

    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, stills, 'dep1');
    await importAndWait(t, videos, 'dep1');
    const cpu = await detectAndWait(t, { onlyUnprocessed: false }, undefined, 'cpu');
    const container = await detectAndWait(t, { onlyUnprocessed: false }, undefined, 'container');
    expect(cpu).toMatchObject({ state: 'done', runner: 'cpu', total: 14, done: 14 });
    expect(container).toMatchObject({ state: 'done', runner: 'container-cpu', total: 14, done: 14 });

    const expected = { 'heron-h264.mp4': { rate: 2, frames: [0, 2, 4, 6, 8] }, 'heron-mjpeg.avi': { rate: 3, frames: [0, 3, 6, 9] } };
    for (const [file, want] of Object.entries(expected)) {
      const byRunner = { cpu: outcome(t, cpu.runId, file), container: outcome(t, container.runId, file) };
      for (const [runner, got] of Object.entries(byRunner)) {
        expect(got, `${runner} ${file}`).toMatchObject({ status: 'ok', truncated: 0, frames: want.frames });
        expect(got.frameRate, `${runner} ${file}`).toBeCloseTo(want.rate, 6);
        expect(got.boxes.every((b) => b.frame !== null && want.frames.includes(b.frame)), `${runner} ${file}: every box has a sampled frame`).toBe(true);
        // The heron where the still of the same moment has it: the same place, about as sure.
        const heron: string[] = [];
        for (const frame of want.frames) {
          const still = best(outcome(t, runner === 'cpu' ? cpu.runId : container.runId, names[frame] as string).boxes);
          const found = best(got.boxes.filter((b) => b.frame === frame));
          heron.push(`${frame}: still ${still?.conf.toFixed(2) ?? '-'} video ${found?.conf.toFixed(2) ?? '-'} IoU ${still && found ? iou(still.bbox, found.bbox).toFixed(2) : '-'}`);
          if (!still || still.conf < 0.3) continue;
          expect(found, `${runner} ${file} frame ${frame}`).toBeDefined();
          expect(iou((found as Box).bbox, still.bbox), `${runner} ${file} frame ${frame}`).toBeGreaterThanOrEqual(0.7);
          expect((found as Box).conf, `${runner} ${file} frame ${frame}`).toBeGreaterThanOrEqual(0.5 * still.conf);
        }
        console.log(`${runner} ${file}: heron by frame ${heron.join(', ')}`);
      }
      // As the stills: at the model's size the same boxes within 0.02; at full size the two resample differently.
      const native = file.endsWith('.mp4');
      const a = agreement(byRunner.cpu.boxes, byRunner.container.boxes, native ? 0.1 : 0.35);
      console.log(`${file}: ${a.boxes} CPU boxes >= ${native ? 0.1 : 0.35}, unmatched ${a.unmatched}, worst IoU ${a.worstIou.toFixed(3)}, worst confidence difference ${a.worstConf.toFixed(4)}`);
      expect(a.boxes).toBeGreaterThan(0);
      expect(a.unmatched).toBe(0);
      expect(a.worstIou).toBeGreaterThanOrEqual(0.9);
      expect(a.worstConf).toBeLessThanOrEqual(native ? 0.02 : 0.05);
    }

    // A cut-off video: a failed item with the reason, or the frames before the cut, flagged.
    for (const [file, whole] of [['heron-h264-cut.mp4', expected['heron-h264.mp4'].frames], ['heron-mjpeg-cut.avi', expected['heron-mjpeg.avi'].frames]] as const) {
      const byRunner = { cpu: outcome(t, cpu.runId, file), container: outcome(t, container.runId, file) };
      for (const [runner, got] of Object.entries(byRunner)) {
        console.log(`${runner} ${file}: ${got.status}${got.failure ? ` (${readSays(got.failure).text})` : ''}, truncated ${got.truncated}, frames ${JSON.stringify(got.frames)}`);
      }
      for (const [runner, got] of Object.entries(byRunner)) {
        if (got.status === 'failed') {
          expect(readSays(got.failure ?? '').text).toMatch(/^This video cannot be read \(.+\)/s);
          continue;
        }
        expect(got, `${runner} ${file}`).toMatchObject({ status: 'ok', truncated: 1 });
        expect(got.frames?.length).toBeGreaterThan(0);
        expect(whole.slice(0, got.frames?.length)).toEqual(got.frames);
      }
    }
  }, 600_000);
});
