import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo, MediaDetections } from '../../../electron/backend/detect/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { requireDocker } from '../../support/docker.ts';
import { iou } from '../../support/ground-truth.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { useTestModels } from '../../support/models.ts';
import { cameraTrapImages, heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

beforeAll(() => {
  useTestModels();
  process.env.CAMTRAP_RESOURCES_DIR = path.resolve('resources');
});
afterAll(() => {
  delete process.env.CAMTRAP_ASSUME_GPU;
  removeTempDirs();
});

interface Comparison {
  boxes: number;
  unmatched: number;
  worstIou: number;
  worstConf: number;
}

/** Every box of the CPU worker at or above the threshold, matched in the container's results by category and overlap. */
async function compare(t: ReturnType<typeof testBackend>, cpuRun: number, containerRun: number, threshold: number): Promise<Comparison> {
  const db = t.backend.requireLibrary().db;
  const media = db.prepare('SELECT media_pk AS pk, media_id AS id FROM media').all() as { pk: number; id: string }[];
  const boxes = (run: number, pk: number) =>
    (db.prepare('SELECT category, conf, x, y, w, h FROM detections WHERE run_id = ? AND media_pk = ? AND conf >= ?').all(run, pk, threshold) as { category: string; conf: number; x: number; y: number; w: number; h: number }[]).map(
      (b) => ({ category: b.category, conf: b.conf, bbox: [b.x, b.y, b.w, b.h] }),
    );
  const all = (run: number, pk: number) =>
    (db.prepare('SELECT category, conf, x, y, w, h FROM detections WHERE run_id = ? AND media_pk = ?').all(run, pk) as { category: string; conf: number; x: number; y: number; w: number; h: number }[]).map(
      (b) => ({ category: b.category, conf: b.conf, bbox: [b.x, b.y, b.w, b.h] }),
    );
  const result: Comparison = { boxes: 0, unmatched: 0, worstIou: 1, worstConf: 0 };
  for (const m of media) {
    const theirs = all(containerRun, m.pk);
    for (const box of boxes(cpuRun, m.pk)) {
      result.boxes += 1;
      const same = theirs.filter((c) => c.category === box.category).sort((a, b) => iou(b.bbox, box.bbox) - iou(a.bbox, box.bbox))[0];
      const overlap = same ? iou(same.bbox, box.bbox) : 0;
      if (!same || overlap < 0.9) {
        result.unmatched += 1;
        continue;
      }
      result.worstIou = Math.min(result.worstIou, overlap);
      result.worstConf = Math.max(result.worstConf, Math.abs(same.conf - box.conf));
    }
  }
  return result;
}

async function libraryOf(...folders: string[]) {
  const t = testBackend();
  await libraryWithDeployment(t, path.join(tempDir(), 'library'));
  for (const f of folders) await importAndWait(t, f, 'dep1');
  return t;
}

describe('detection in the PyTorch container', () => {
  it('agrees with the CPU worker: boxes at IoU >= 0.9, confidences within 0.02', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    // The fixtures at the model's own size: both workers then decode the same JPEG to the same
    // pixels (libjpeg-turbo either way) and compare the two implementations of the detector itself.
    const native = tempDir();
    fs.chmodSync(native, 0o755);
    for (const dir of [heronMedia(), cameraTrapImages()]) {
      for (const name of fs.readdirSync(dir).filter((n) => /\.jpe?g$/i.test(n) && !n.includes('truncated'))) {
        await sharp(path.join(dir, name)).resize(416, 416, { fit: 'inside' }).jpeg({ quality: 95 }).toFile(path.join(native, name));
      }
    }
    const t = await libraryOf(native);
    const cpu = await detectAndWait(t, { onlyUnprocessed: false }, undefined, 'cpu');
    const container = await detectAndWait(t, { onlyUnprocessed: false }, undefined, 'container');
    expect(cpu).toMatchObject({ state: 'done', runner: 'cpu', done: 17 });
    expect(container).toMatchObject({ state: 'done', runner: 'container-cpu', done: 17, failed: 0 });
    const c = await compare(t, cpu.runId, container.runId, 0.1);
    console.log(`native size: ${c.boxes} boxes >= 0.1, unmatched ${c.unmatched}, worst IoU ${c.worstIou.toFixed(3)}, worst confidence difference ${c.worstConf.toFixed(4)}`);
    expect(c.boxes).toBeGreaterThan(20);
    expect(c.unmatched).toBe(0);
    expect(c.worstIou).toBeGreaterThanOrEqual(0.9);
    expect(c.worstConf).toBeLessThanOrEqual(0.02);
  }, 300_000);

  it('on the full-size fixtures, finds the same animals, people and vehicles (decoders resample differently)', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const t = await libraryOf(heronMedia(), cameraTrapImages());
    const cpu = await detectAndWait(t, { onlyUnprocessed: false }, undefined, 'cpu');
    const container = await detectAndWait(t, { onlyUnprocessed: false }, undefined, 'container');
    expect(container).toMatchObject({ state: 'done', done: 18 });
    const c = await compare(t, cpu.runId, container.runId, 0.35);
    console.log(`full size: ${c.boxes} boxes >= 0.35, unmatched ${c.unmatched}, worst IoU ${c.worstIou.toFixed(3)}, worst confidence difference ${c.worstConf.toFixed(4)}`);
    expect(c.unmatched).toBe(0);
    expect(c.worstIou).toBeGreaterThanOrEqual(0.9);
    expect(c.worstConf).toBeLessThanOrEqual(0.05);
    const truncated = t.backend.requireLibrary().db.prepare("SELECT x.truncated FROM detection_results x JOIN media m ON m.media_pk = x.media_pk WHERE x.run_id = ? AND m.file_name LIKE '%truncated%'").get(container.runId) as { truncated: number };
    expect(truncated.truncated).toBe(1);
  }, 300_000);

  it('diagnoses a GPU request on an engine without the NVIDIA runtime, and falls back', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const t = await libraryOf(heronMedia());
    process.env.CAMTRAP_ASSUME_GPU = '1';
    const status = await t.must('engine.status', {});
    expect(status.state).toBe('running-gpu');
    let job: JobInfo;
    try {
      job = await detectAndWait(t, { onlyUnprocessed: false });
    } finally {
      delete process.env.CAMTRAP_ASSUME_GPU;
    }
    expect(job).toMatchObject({ state: 'done', done: 10, runner: 'container-cpu' });
    expect(job.runnerReason).toMatch(/could not give the job a graphics card \(could not select device driver "" with capabilities: \[\[gpu\]\]\)/);
    expect(job.runnerReason).toMatch(/NVIDIA Container Toolkit.*runs on the processor instead/);
    const first = t.backend.requireLibrary().db.prepare('SELECT media_id AS id FROM media ORDER BY timestamp_ms LIMIT 1').get() as { id: string };
    const r = (await t.must('detect.mediaResult', { mediaID: first.id })) as MediaDetections;
    expect(r.detections[0]?.category).toBe('animal');
  }, 300_000);
});
