import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { heronBoxes, iou } from '../../support/ground-truth.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { useTestModels } from '../../support/models.ts';
import { cameraTrapImages, heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

beforeAll(() => {
  useTestModels();
});
afterAll(removeTempDirs);

describe('detection on the CPU with the real model on real images', () => {
  it('finds the heron, people, vehicles, nothing on blanks, and flags the cut-off file', async () => {
    const t = testBackend();
    const work = tempDir();
    await libraryWithDeployment(t, path.join(work, 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    await importAndWait(t, cameraTrapImages(), 'dep1');
    const models = await t.must('models.list', {});
    expect(models).toEqual([expect.objectContaining({ id: 'nanodet-m-416', available: true, defaultThreshold: 0.35 })]);

    const job = await detectAndWait(t);
    expect(job).toMatchObject({ state: 'done', total: 18, done: 18, runner: 'cpu' });

    const page = await t.must('media.page', { limit: 100 });
    const byName = new Map(page.items.map((m) => [m.fileName, m]));
    const boxes = async (name: string) => {
      const item = byName.get(name);
      if (!item) throw new Error(`${name} was not imported`);
      const r = await t.must('detect.mediaResult', { mediaID: item.mediaID });
      if (!r) throw new Error(`${name} has no result`);
      return r;
    };

    const truth = heronBoxes();
    expect(truth.size).toBe(10);
    let matched = 0;
    for (const [name, box] of truth) {
      const r = await boxes(name);
      const best = Math.max(0, ...r.detections.filter((d) => d.category === 'animal').map((d) => iou(d.bbox, box)));
      if (best >= 0.5) matched += 1;
    }
    expect(matched).toBeGreaterThanOrEqual(8);

    expect((await boxes('blank.jpg')).detections).toEqual([]);
    expect((await boxes('blank2.jpg')).detections).toEqual([]);
    expect((await boxes('human.jpg')).detections.map((d) => d.category)).toContain('person');
    expect((await boxes('vehicle.jpg')).detections.map((d) => d.category)).toContain('vehicle');
    expect((await boxes('african_elephants_bw.jpg')).detections.map((d) => d.category)).toContain('animal');
    const cut = await boxes('african_elephants_truncated_file.jpg');
    expect(cut.truncated || cut.status === 'failed').toBe(true);

    // Everything down to 0.005 is kept; the threshold applies when reading.
    const low = await t.must('detect.mediaResult', { mediaID: byName.get('blank2.jpg')?.mediaID ?? '', threshold: 0.005 });
    expect(low?.detections.length).toBeGreaterThan(0);

    // The grid can hide empty images: the two blanks go, unprocessed and non-empty images stay.
    const shown = await t.must('media.page', { limit: 100, hideEmptyBelow: 0.35 });
    expect(shown.total).toBe(16);
    expect(shown.items.some((m) => m.fileName.startsWith('blank'))).toBe(false);
    expect(byName.get('human.jpg')?.maxConf).toBeGreaterThan(0.35);

    // Nothing is left to do for this model: a second job over everything is empty and done at once.
    const again = await detectAndWait(t);
    expect(again).toMatchObject({ state: 'done', total: 0 });

    const out = path.join(work, 'md.json');
    expect(await t.must('detect.exportMegadetector', { runId: job.runId, file: out })).toEqual({ file: out, images: 18 });
    const md = JSON.parse(fs.readFileSync(out, 'utf8')) as { info: { format_version: string }; detection_categories: Record<string, string>; images: { file: string; detections?: { category: string; conf: number; bbox: number[] }[] }[] };
    expect(md.info.format_version).toBe('1.6');
    expect(md.detection_categories).toEqual({ '1': 'animal', '2': 'person', '3': 'vehicle' });
    const human = md.images.find((i) => i.file.endsWith('human.jpg'));
    expect(human?.file).toBe('dep1/human.jpg');
    expect(human?.detections?.some((d) => d.category === '2' && d.conf >= 0.35)).toBe(true);
    expect(md.images.every((i) => (i.detections ?? []).every((d) => d.conf >= 0.005 && d.bbox.length === 4))).toBe(true);
  }, 120_000);
});
