import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { useTestModels } from '../../support/models.ts';
import { cameraTrapImages } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

beforeAll(() => {
  useTestModels();
});
afterAll(removeTempDirs);

describe('machine boxes under review', () => {
  it('marks a box as a false detection and an image as empty, keeping the machine result, and undoes', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, cameraTrapImages(), 'dep1');
    await detectAndWait(t, {}, undefined, 'cpu');
    const db = t.backend.requireLibrary().db;
    const box = db
      .prepare("SELECT d.detection_id AS id, m.media_id AS mediaID FROM detections d JOIN media m ON m.media_pk = d.media_pk WHERE m.file_name = 'blank2.jpg' ORDER BY d.conf DESC LIMIT 1")
      .get() as { id: number; mediaID: string };
    await t.must('review.markFalse', { detectionIds: [box.id] });
    expect(await t.must('review.observations', { mediaID: box.mediaID })).toEqual([expect.objectContaining({ detectionId: box.id, falseDetection: true, observationType: 'blank' })]);
    await t.must('review.markEmpty', { target: { mediaIDs: [box.mediaID] } });
    const both = await t.must('review.observations', { mediaID: box.mediaID });
    expect(both.map((o) => [o.detectionId, o.observationType])).toEqual([
      [box.id, 'blank'],
      [null, 'blank'],
    ]);
    // The machine's own result stays as it was: labels are observations beside it.
    expect((await t.must('detect.mediaResult', { mediaID: box.mediaID, threshold: 0.005 }))?.detections.length).toBeGreaterThan(0);
    await t.must('review.undo', {});
    await t.must('review.undo', {});
    expect(await t.must('review.observations', { mediaID: box.mediaID })).toEqual([]);
  });
});
