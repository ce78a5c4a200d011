import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../../electron/backend/detect/model-manifest.ts';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { useTestModels } from '../../support/models.ts';
import { cameraTrapImages, heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

beforeAll(() => {
  useTestModels();
});
afterAll(removeTempDirs);

describe('what a detection run found, by class', () => {
  it('counts images with animals, people, vehicles and empty ones at the run threshold, as each image shows them', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    await importAndWait(t, cameraTrapImages(), 'dep1');
    const job = await detectAndWait(t);
    expect(job).toMatchObject({ state: 'done', done: 18 });

    const counts = await t.must('detect.runCounts', { runId: job.runId });
    expect(counts).toMatchObject({ runId: job.runId, threshold: 0.35, images: job.done - job.failed });

    // The same figures, image by image, from what the viewer shows at the run threshold.
    const page = await t.must('media.page', { limit: 100 });
    const expected = { images: 0, animal: 0, person: 0, vehicle: 0, empty: 0 };
    const byName = new Map<string, Set<Category>>();
    for (const item of page.items) {
      const r = await t.must('detect.mediaResult', { mediaID: item.mediaID });
      if (!r || r.status !== 'ok') continue;
      const found = new Set(r.detections.map((d) => d.category));
      byName.set(item.fileName, found);
      expected.images += 1;
      for (const c of found) expected[c] += 1;
      if (found.size === 0) expected.empty += 1;
    }
    expect(counts).toMatchObject(expected);
    expect(byName.get('blank.jpg')?.size).toBe(0);
    expect(byName.get('human.jpg')?.has('person')).toBe(true);
    expect(byName.get('vehicle.jpg')?.has('vehicle')).toBe(true);
    expect(counts.animal).toBeGreaterThanOrEqual(9);
    expect(counts.empty).toBeGreaterThanOrEqual(2);
    // "Review the animals" opens the grid filtered at the run threshold: it shows as many images.
    expect((await t.must('media.page', { category: 'animal', threshold: counts.threshold, limit: 1 })).total).toBe(counts.animal);

    // A run that had nothing left to do counts nothing; a run that is not there is said plainly.
    const again = await detectAndWait(t);
    expect(await t.must('detect.runCounts', { runId: again.runId })).toEqual({ runId: again.runId, threshold: 0.35, images: 0, animal: 0, person: 0, vehicle: 0, empty: 0 });
    expect(await t.call('detect.runCounts', { runId: 9999 })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'There is no detection job 9999 in this library: reload the Detection page.' } });
  }, 120_000);
});
