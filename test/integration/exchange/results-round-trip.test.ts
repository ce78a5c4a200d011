import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryWithMedia, type PlannedMedia } from './results-library.ts';
import type { MegadetectorBatch } from '../../../electron/backend/detect/megadetector-export.ts';
import type { Db } from '../../../electron/backend/library/db.ts';
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

/** A run's boxes, picture by picture, in a form two runs can be compared by. */
function boxesOf(db: Db, runId: number): string[] {
  return (
    db
      .prepare(
        `SELECT m.file_path AS file, d.category, d.conf, d.x, d.y, d.w, d.h, d.frame_number AS frame FROM detections d JOIN media m ON m.media_pk = d.media_pk
         WHERE d.run_id = ? ORDER BY m.file_path, d.conf DESC, d.x`,
      )
      .all(runId) as Record<string, unknown>[]
  ).map((r) => JSON.stringify(r));
}

function resultsOf(db: Db, runId: number): unknown[] {
  return db
    .prepare(
      `SELECT m.file_path AS file, x.status, x.max_conf AS maxConf, x.frame_rate AS rate, x.frames_processed AS frames FROM detection_results x JOIN media m ON m.media_pk = x.media_pk
       WHERE x.run_id = ? ORDER BY m.file_path`,
    )
    .all(runId);
}

describe('MegaDetector JSON written by the app and read back', () => {
  it('gives the same boxes for a detection run made here, and the species a person named on them', async () => {
    const t = testBackend();
    const work = tempDir();
    await libraryWithDeployment(t, path.join(work, 'library'));
    await importAndWait(t, cameraTrapImages(), 'dep1');
    const job = await detectAndWait(t);
    expect(job.state).toBe('done');
    const { db } = t.backend.requireLibrary();
    const box = db.prepare("SELECT detection_id AS id FROM detections WHERE run_id = ? AND category = 'animal' ORDER BY conf DESC LIMIT 1").get(job.runId) as { id: number };
    await t.must('species.add', { scientificName: 'Loxodonta africana', vernacularName: 'African bush elephant' });
    await t.must('review.label', { target: { detectionIds: [box.id] }, scientificName: 'Loxodonta africana' });

    const out = path.join(work, 'md.json');
    await t.must('detect.exportMegadetector', { runId: job.runId, file: out });
    const md = JSON.parse(fs.readFileSync(out, 'utf8')) as MegadetectorBatch;
    expect(md.classification_categories).toEqual({ '0': 'African bush elephant' });
    expect(md.classification_category_descriptions).toEqual({ '0': 'Loxodonta africana' });
    const labelled = md.images.flatMap((i) => ('detections' in i && i.detections ? i.detections : [])).filter((d) => d.classifications);
    expect(labelled).toHaveLength(1);
    expect(labelled[0]?.classifications).toEqual([['0', 1]]);

    const preview = await t.must('exchange.previewResults', { file: out });
    expect(preview).toMatchObject({ root: '', folder: 'media', matched: job.total, unmatched: 0, modelID: job.modelID, modelVersion: job.modelVersion, problems: [] });
    const back = await t.must('exchange.importResults', { file: out });
    expect(boxesOf(db, back.runId)).toEqual(boxesOf(db, job.runId));
    expect(boxesOf(db, back.runId).length).toBeGreaterThan(5);
    expect(resultsOf(db, back.runId)).toEqual(resultsOf(db, job.runId));
    const [run, again] = [job.runId, back.runId].map((id) => db.prepare('SELECT model_id AS id, model_version AS version, default_threshold AS threshold FROM detection_runs WHERE run_id = ?').get(id));
    expect(again).toEqual(run);
    // The person's label came back as the classifier's word for that box, never as a person's label.
    expect(db.prepare('SELECT scientific_name AS name, vernacular_name AS common, conf FROM classifications WHERE run_id = ?').all(back.runId)).toEqual([
      { name: 'Loxodonta africana', common: 'African bush elephant', conf: 1 },
    ]);
  }, 120_000);

  it('keeps video frames, classifier guesses and failures through export and import', async () => {
    const t = testBackend();
    const media: PlannedMedia[] = [
      { deploymentID: 'dep1', path: 'IMG_0001.JPG', time: '2023-05-01 10:00:00' },
      { deploymentID: 'dep1', path: 'IMG_0002.JPG', time: '2023-05-01 10:00:05' },
      { deploymentID: 'dep1', path: 'VID_0003.MP4', time: '2023-05-01 10:01:00', type: 'video' },
      { deploymentID: 'dep1', path: 'IMG_0004.JPG', time: '2023-05-01 10:02:00' },
    ];
    const { db } = await libraryWithMedia(t, media);
    const work = tempDir();
    const source = path.join(work, 'from-cluster.json');
    fs.writeFileSync(
      source,
      JSON.stringify({
        info: { format_version: '1.5', detector: 'md_v5a.0.0.pt', detection_completion_time: '2024-02-02 12:00:00', classifier: 'my-classifier' },
        detection_categories: { '1': 'animal', '2': 'person', '3': 'vehicle' },
        classification_categories: { '0': 'fox', '1': 'Meles meles' },
        images: [
          { file: '/scratch/job7/dep1/IMG_0001.JPG', detections: [{ category: '1', conf: 0.8123, bbox: [0.11111, 0.22222, 0.33333, 0.44444], classifications: [['0', 0.7], ['1', 0.2]] }] },
          { file: '/scratch/job7/dep1/IMG_0002.JPG', detections: [{ category: '3', conf: 0.4, bbox: [0.5, 0.5, 0.5, 0.5] }, { category: '2', conf: 0.006, bbox: [0, 0, 0.1, 0.1] }] },
          { file: '/scratch/job7/dep1/VID_0003.MP4', frame_rate: 29.97, frames_processed: [0, 30, 60, 90], detections: [{ category: '1', conf: 0.6, bbox: [0.2, 0.2, 0.2, 0.2], frame_number: 60 }] },
          { file: '/scratch/job7/dep1/IMG_0004.JPG', failure: 'Failure image access', detections: null },
        ],
      }),
    );
    const first = await t.must('exchange.importResults', { file: source });
    const out = path.join(work, 'exported.json');
    await t.must('detect.exportMegadetector', { runId: first.runId, file: out });
    const md = JSON.parse(fs.readFileSync(out, 'utf8')) as MegadetectorBatch;
    expect(md.info).toMatchObject({ format_version: '1.6', detector: 'md_v5a.0.0.pt', detection_completion_time: '2024-02-02 12:00:00', classifier: 'my-classifier' });
    expect(md.images.map((i) => i.file)).toEqual(['dep1/IMG_0001.JPG', 'dep1/IMG_0002.JPG', 'dep1/IMG_0004.JPG', 'dep1/VID_0003.MP4']);
    expect(md.images[2]).toEqual({ file: 'dep1/IMG_0004.JPG', failure: 'Failure image access', detections: null });
    expect(md.images[3]).toEqual({ file: 'dep1/VID_0003.MP4', frame_rate: 29.97, frames_processed: [0, 30, 60, 90], detections: [{ category: '1', conf: 0.6, bbox: [0.2, 0.2, 0.2, 0.2], frame_number: 60 }] });
    expect(md.images[0]).toEqual({ file: 'dep1/IMG_0001.JPG', detections: [{ category: '1', conf: 0.8123, bbox: [0.11111, 0.22222, 0.33333, 0.44444], classifications: [['0', 0.7], ['1', 0.2]] }] });
    expect(md.classification_categories).toEqual({ '0': 'fox', '1': 'Meles meles' });
    expect(md.classification_category_descriptions).toBeUndefined();

    const back = await t.must('exchange.importResults', { file: out });
    expect(boxesOf(db, back.runId)).toEqual(boxesOf(db, first.runId));
    expect(resultsOf(db, back.runId)).toEqual(resultsOf(db, first.runId));
    const labels = (runId: number) => db.prepare('SELECT label, observation_type AS type, scientific_name AS name, conf, rank FROM classifications WHERE run_id = ? ORDER BY rank').all(runId);
    expect(labels(back.runId)).toEqual(labels(first.runId));
    expect(labels(first.runId)).toEqual([
      { label: 'fox', type: 'animal', name: null, conf: 0.7, rank: 1 },
      { label: 'Meles meles', type: 'animal', name: 'Meles meles', conf: 0.2, rank: 2 },
    ]);
  });
});
