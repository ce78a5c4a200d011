import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { everyTable, libraryWithMedia, type PlannedMedia } from './results-library.ts';
import type { MegadetectorBatch } from '../../../electron/backend/detect/megadetector-export.ts';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const media: PlannedMedia[] = [
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0001.JPG', time: '2023-05-01 10:00:00' },
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0002.JPG', time: '2023-05-01 10:00:05' },
  { deploymentID: 'dep1', path: 'DCIM/100RECNX/IMG_0003.JPG', time: '2023-05-01 10:00:10' },
  { deploymentID: 'dep2', path: '100RECNX/IMG_0101.JPG', time: '2023-06-01 22:00:00' },
  { deploymentID: 'dep2', path: '100RECNX/VID_0001.MP4', time: '2023-06-01 22:05:00', type: 'video' },
];

function writeJson(value: unknown, name = 'results.json'): string {
  const file = path.join(tempDir('camtrap-results-'), name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 1));
  return file;
}

/** Format 1.0 as MegaDetector v4's run_tf_detector_batch wrote it: no detector named, max_detection_conf per image, a "group" class. */
const formatOne = {
  info: { format_version: '1.0', detection_completion_time: '2019-05-22 02:12:19' },
  detection_categories: { '1': 'animal', '2': 'person', '4': 'group' },
  images: [
    { file: 'dep1/DCIM/100RECNX/IMG_0001.JPG', max_detection_conf: 0.93, detections: [{ category: '1', conf: 0.93, bbox: [0.1, 0.2, 0.3, 0.4] }, { category: '4', conf: 0.5, bbox: [0, 0, 1, 1] }] },
    { file: 'dep1/DCIM/100RECNX/IMG_0002.JPG', max_detection_conf: 0, detections: [] },
    { file: 'dep1/DCIM/100RECNX/IMG_0003.JPG', failure: 'Failure image access' },
  ],
};

/** Format 1.6 from another machine (Windows paths), with SpeciesNet classifications and a video. */
const formatSix = {
  info: {
    format_version: '1.6',
    detector: 'MDV5A',
    detection_completion_time: '2026-05-26 19:11:27',
    classifier: 'kaggle:google/speciesnet/pyTorch/v4.0.2a/1',
    detector_metadata: { megadetector_version: 'v5a.0.1', typical_detection_threshold: 0.2, conservative_detection_threshold: 0.05 },
    summary_report: '<p>report</p>',
  },
  detection_categories: { '1': 'animal', '2': 'person', '3': 'vehicle' },
  classification_categories: { '0': 'red fox', '1': 'roe deer' },
  classification_category_descriptions: {
    '0': 'b1a3f1c1-1d51-4a6b-a4d2-0f5d7a1e2c3b;mammalia;carnivora;canidae;vulpes;vulpes;red fox',
    '1': '0a8f2a3b-5c6d-4e7f-8a9b-0c1d2e3f4a5b;mammalia;cetartiodactyla;cervidae;capreolus;capreolus;roe deer',
  },
  images: [
    { file: 'D:\\fieldwork\\2023\\media\\dep2\\100RECNX\\IMG_0101.JPG', detections: [{ category: '1', conf: 0.9, bbox: [0.25, 0.5, 0.125, 0.25], classifications: [['0', 0.85], ['1', 0.1]] }] },
    { file: 'D:\\fieldwork\\2023\\media\\dep2\\100RECNX\\VID_0001.MP4', frame_rate: 30, frames_processed: [0, 30, 60], detections: [{ category: '1', conf: 0.7, bbox: [0.5, 0.5, 0.25, 0.25], frame_number: 30 }] },
    { file: 'D:\\fieldwork\\2023\\media\\dep2\\100RECNX\\IMG_9999.JPG', detections: [] },
    { file: 'E:\\elsewhere\\IMG_0001.JPG', detections: [] },
  ],
};

describe('MegaDetector batch output into the library', () => {
  it('reads format 1.0: detector MegaDetector v4 with its thresholds, results and failures per picture, unknown classes counted', async () => {
    const t = testBackend();
    const { db, pks } = await libraryWithMedia(t, media);
    const file = writeJson(formatOne);
    const preview = await t.must('exchange.previewResults', { file });
    expect(preview).toMatchObject({
      format: 'megadetector',
      formatVersion: '1.0',
      modelID: 'mdv4',
      threshold: 0.8,
      conservativeThreshold: 0.6,
      entries: 3,
      failures: 1,
      boxes: 1,
      skippedBoxes: 1,
      root: '',
      folder: 'media',
      matched: 3,
      unmatched: 0,
      problems: [],
    });
    const imported = await t.must('exchange.importResults', { file });
    expect(imported).toMatchObject({ matched: 3, unmatched: 0, boxes: 1, deployments: ['dep1'] });
    const job = (await t.must('detect.jobs', {})).find((j) => j.runId === imported.runId);
    expect(job).toMatchObject({ state: 'done', runner: 'imported', modelID: 'mdv4', total: 3, done: 3, failed: 1, runnerReason: 'Imported from results.json (MegaDetector 1.0)' });
    const run = db.prepare('SELECT default_threshold AS threshold, imported_from AS importedFrom, conservative_threshold AS conservative FROM detection_runs WHERE run_id = ?').get(imported.runId);
    expect(run).toEqual({ threshold: 0.8, importedFrom: 'results.json', conservative: 0.6 });
    const boxes = db.prepare('SELECT media_pk AS pk, category, conf, x, y, w, h FROM detections WHERE run_id = ?').all(imported.runId);
    expect(boxes).toEqual([{ pk: pks.get('media/dep1/DCIM/100RECNX/IMG_0001.JPG'), category: 'animal', conf: 0.93, x: 0.1, y: 0.2, w: 0.3, h: 0.4 }]);
    const failed = db.prepare("SELECT failure FROM detection_results WHERE run_id = ? AND status = 'failed'").get(imported.runId) as { failure: string };
    expect(JSON.parse(failed.failure)).toEqual([{ key: 'results-failure-in-file', values: { detail: 'Failure image access' } }]);
    // The imported boxes are the library's detections: the events follow them, at the run's threshold.
    expect(db.prepare("SELECT taxon, records FROM events WHERE deployment_id = 'dep1'").all()).toEqual([{ taxon: 'class:animal', records: 1 }]);
  });

  it('reads format 1.6 with paths of another machine: the shared start is offered and stripped, classifications and video frames kept, the rest reported', async () => {
    const t = testBackend();
    const { db, pks } = await libraryWithMedia(t, media);
    const file = writeJson(formatSix);
    const preview = await t.must('exchange.previewResults', { file });
    expect(preview).toMatchObject({
      formatVersion: '1.6',
      modelID: 'mdv5a',
      modelName: 'MDV5A',
      modelVersion: '5a.0.1',
      classifier: 'kaggle:google/speciesnet/pyTorch/v4.0.2a/1',
      threshold: 0.2,
      videos: 1,
      labels: 2,
      root: 'D:/fieldwork/2023/media',
      folder: 'media',
      matched: 2,
      unmatched: 2,
      problems: [],
    });
    expect(preview.roots[0]).toBe('D:/fieldwork/2023/media');
    expect(preview.unmatchedFiles).toEqual([
      { file: 'D:\\fieldwork\\2023\\media\\dep2\\100RECNX\\IMG_9999.JPG', reason: 'not-in-library' },
      { file: 'E:\\elsewhere\\IMG_0001.JPG', reason: 'outside-root' },
    ]);
    const imported = await t.must('exchange.importResults', { file, root: preview.root, folder: preview.folder });
    expect(imported).toMatchObject({ matched: 2, unmatched: 2, boxes: 2, labels: 2, deployments: ['dep2'] });
    const video = pks.get('media/dep2/100RECNX/VID_0001.MP4');
    expect(db.prepare('SELECT frame_rate AS rate, frames_processed AS frames FROM detection_results WHERE run_id = ? AND media_pk = ?').get(imported.runId, video)).toEqual({ rate: 30, frames: '[0,30,60]' });
    expect(db.prepare('SELECT frame_number AS frame FROM detections WHERE run_id = ? AND media_pk = ?').get(imported.runId, video)).toEqual({ frame: 30 });
    const labels = db.prepare('SELECT kind, rank, label, observation_type AS type, scientific_name AS name, vernacular_name AS common, conf FROM classifications WHERE run_id = ? ORDER BY rank').all(imported.runId);
    expect(labels).toEqual([
      { kind: 'ranked', rank: 1, label: 'red fox', type: 'animal', name: 'Vulpes vulpes', common: 'red fox', conf: 0.85 },
      { kind: 'ranked', rank: 2, label: 'roe deer', type: 'animal', name: 'Capreolus capreolus', common: 'roe deer', conf: 0.1 },
    ]);
    const info = JSON.parse((db.prepare('SELECT info_json AS info FROM detection_runs WHERE run_id = ?').get(imported.runId) as { info: string }).info) as Record<string, unknown>;
    expect(info).toMatchObject({ detector: 'MDV5A', detection_completion_time: '2026-05-26 19:11:27' });
    // The CLI's command and the app's share a root the user confirms: another choice matches nothing, and says so.
    const wrong = await t.call('exchange.importResults', { file, root: 'D:/fieldwork', folder: 'media' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('None of the 4 files in results.json is in this library') } });
  });

  it('reads a SpeciesNet predictions.json: boxes as an MDv5a run, the ensemble prediction and the top five for the whole picture', async () => {
    const t = testBackend();
    const { db, pks } = await libraryWithMedia(t, media);
    const file = writeJson(
      {
        predictions: [
          {
            filepath: '/home/ranger/card-2023-05/DCIM/100RECNX/IMG_0001.JPG',
            country: 'BEL',
            classifications: {
              classes: [
                '5c7ce479-8a45-40b3-ae21-7c97dfae22f5;mammalia;cetartiodactyla;cervidae;capreolus;capreolus;european roe deer',
                '90d950db-2106-4bd9-a4c1-777604c3eada;mammalia;cetartiodactyla;cervidae;;;deer family',
                '1f689929-883d-4dae-958c-3d57ab5b6c16;;;;;;animal',
                'f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank',
                '990ae9dd-7a59-4344-afcb-1b7b21368000;mammalia;primates;hominidae;homo;sapiens;human',
              ],
              scores: [0.91, 0.05, 0.02, 0.01, 0.01],
            },
            detections: [
              { category: '1', label: 'animal', conf: 0.88, bbox: [0.1, 0.1, 0.5, 0.6] },
              { category: '2', label: 'human', conf: 0.03, bbox: [0.7, 0.1, 0.1, 0.3] },
            ],
            prediction: '5c7ce479-8a45-40b3-ae21-7c97dfae22f5;mammalia;cetartiodactyla;cervidae;capreolus;capreolus;european roe deer',
            prediction_score: 0.91,
            prediction_source: 'classifier',
            model_version: '4.0.1a',
          },
          {
            filepath: '/home/ranger/card-2023-05/DCIM/100RECNX/IMG_0002.JPG',
            classifications: { classes: ['f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank'], scores: [0.99] },
            detections: [],
            prediction: 'f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank',
            prediction_score: 0.99,
            prediction_source: 'classifier',
            model_version: '4.0.1a',
          },
          { filepath: '/home/ranger/card-2023-05/DCIM/100RECNX/IMG_0003.JPG', failures: ['CLASSIFIER', 'DETECTOR'], model_version: '4.0.1a' },
        ],
      },
      'predictions.json',
    );
    const preview = await t.must('exchange.previewResults', { file });
    expect(preview).toMatchObject({ format: 'speciesnet', modelID: 'mdv5a', modelName: 'SpeciesNet 4.0.1a', modelVersion: '4.0.1a', classifier: 'SpeciesNet 4.0.1a', threshold: 0.2 });
    // The card was imported into the deployment's folder: the start is stripped and the deployment's folder put in its place.
    expect(preview).toMatchObject({ root: '/home/ranger/card-2023-05', folder: 'media/dep1', matched: 3, unmatched: 0, failures: 1, boxes: 2, labels: 8, problems: [] });
    const imported = await t.must('exchange.importResults', { file });
    const first = pks.get('media/dep1/DCIM/100RECNX/IMG_0001.JPG');
    const said = db
      .prepare('SELECT kind, rank, observation_type AS type, scientific_name AS name, vernacular_name AS common, conf, source FROM classifications WHERE run_id = ? AND media_pk = ? AND detection_id IS NULL ORDER BY kind, rank')
      .all(imported.runId, first);
    expect(said).toEqual([
      { kind: 'prediction', rank: 1, type: 'animal', name: 'Capreolus capreolus', common: 'european roe deer', conf: 0.91, source: 'classifier' },
      { kind: 'ranked', rank: 1, type: 'animal', name: 'Capreolus capreolus', common: 'european roe deer', conf: 0.91, source: null },
      { kind: 'ranked', rank: 2, type: 'animal', name: 'Cervidae', common: 'deer family', conf: 0.05, source: null },
      { kind: 'ranked', rank: 3, type: 'animal', name: null, common: null, conf: 0.02, source: null },
      { kind: 'ranked', rank: 4, type: 'blank', name: null, common: null, conf: 0.01, source: null },
      { kind: 'ranked', rank: 5, type: 'human', name: null, common: 'human', conf: 0.01, source: null },
    ]);
    expect(db.prepare('SELECT category, conf FROM detections WHERE run_id = ? ORDER BY conf DESC').all(imported.runId)).toEqual([
      { category: 'animal', conf: 0.88 },
      { category: 'person', conf: 0.03 },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM detection_results WHERE run_id = ? AND status = ?').get(imported.runId, 'failed')).toEqual({ n: 1 });
    // A classifier's species is not a person's label: nothing becomes an observation, so nothing passes for reviewed.
    expect(db.prepare('SELECT COUNT(*) AS n FROM observations').get()).toEqual({ n: 0 });
    // Written as MegaDetector output, as MegaDetector's own converter does: the ensemble's answer on every box, its taxonomy kept.
    const out = path.join(tempDir(), 'md.json');
    await t.must('detect.exportMegadetector', { runId: imported.runId, file: out });
    const md = JSON.parse(fs.readFileSync(out, 'utf8')) as MegadetectorBatch;
    const roeDeer = '5c7ce479-8a45-40b3-ae21-7c97dfae22f5;mammalia;cetartiodactyla;cervidae;capreolus;capreolus;european roe deer';
    // A blank picture has no box to carry its answer, as in MegaDetector's format.
    expect(md.classification_categories).toEqual({ '0': 'european roe deer' });
    expect(md.classification_category_descriptions).toEqual({ '0': roeDeer });
    expect(md.images[0]).toMatchObject({ file: 'dep1/DCIM/100RECNX/IMG_0001.JPG', detections: [{ conf: 0.88, classifications: [['0', 0.91]] }, { conf: 0.03, classifications: [['0', 0.91]] }] });
    expect(md.images[2]).toEqual({ file: 'dep1/DCIM/100RECNX/IMG_0003.JPG', failure: 'CLASSIFIER, DETECTOR', detections: null });
  });
});

describe('a results file that cannot be imported changes nothing and says what is wrong', () => {
  const cases: { name: string; content: unknown; expected: RegExp[] }[] = [
    { name: 'not JSON', content: '{"images": [', expected: [/is not a JSON file/] },
    { name: 'neither format', content: { results: [] }, expected: [/neither MegaDetector batch output .* nor SpeciesNet predictions/] },
    {
      name: 'wrong shapes',
      content: {
        info: { format_version: '1.6' },
        detection_categories: { '1': 'animal' },
        images: [
          { file: 'dep1/DCIM/100RECNX/IMG_0001.JPG', detections: [{ category: '1', conf: 1.7, bbox: [0.1, 0.2, 0.3] }] },
          { detections: [] },
          { file: 'dep1/DCIM/100RECNX/IMG_0002.JPG', detections: [{ category: '1', conf: '0.5', bbox: [0, 0, 1, 1] }] },
        ],
      },
      expected: [/detections\[0\]\.conf \(.*\) is above 1/, /bbox \(.*\) has the wrong number of values/, /images\[1\]\.file is missing/, /images\[2\]\.detections\[0\]\.conf \(dep1\/DCIM\/100RECNX\/IMG_0002.JPG\) should be a number/],
    },
    {
      name: 'unknown categories and pixel boxes',
      content: {
        info: { format_version: '1.5' },
        detection_categories: { '1': 'animal' },
        classification_categories: { '0': 'fox' },
        images: [{ file: 'dep1/DCIM/100RECNX/IMG_0001.JPG', detections: [{ category: '7', conf: 0.5, bbox: [120, 40, 300, 200], classifications: [['3', 0.9]] }] }],
      },
      expected: [/names detection category 7/, /has a box in pixels/, /names classification category 3/],
    },
    {
      name: 'duplicate entries',
      content: {
        info: { format_version: '1.6' },
        detection_categories: { '1': 'animal' },
        images: [
          { file: 'dep1/DCIM/100RECNX/IMG_0001.JPG', detections: [] },
          { file: 'dep1\\DCIM\\100RECNX\\IMG_0001.JPG', detections: [{ category: '1', conf: 0.5, bbox: [0, 0, 1, 1] }] },
          { file: 'dep1/DCIM/100RECNX/img_0002.jpg', detections: [] },
          { file: 'dep1/DCIM/100RECNX/IMG_0002.JPG', detections: [] },
        ],
      },
      expected: [/IMG_0001.JPG has two results \(entries 1 and 2\)/, /IMG_0002.JPG has two results \(entries 3 and 4\)/],
    },
    { name: 'a newer format', content: { info: { format_version: '2.0' }, detection_categories: {}, images: [] }, expected: [/format 2.0; this app reads formats 1.0 to 1.6/] },
    {
      name: 'SpeciesNet with mismatched scores',
      content: { predictions: [{ filepath: 'dep1/DCIM/100RECNX/IMG_0001.JPG', classifications: { classes: ['a;b;c;d;e;f;g', 'x'], scores: [0.5] }, prediction: 'x' }] },
      expected: [/different number of classes and scores/, /prediction_score is missing/],
    },
  ];

  it('lists the problems in the preview and refuses the import, every table as it was', async () => {
    const t = testBackend();
    const { db } = await libraryWithMedia(t, media);
    // A run already there, so that "unchanged" covers results, boxes and events too.
    await t.must('exchange.importResults', { file: writeJson(formatOne) });
    const before = everyTable(db);
    for (const c of cases) {
      const file = writeJson(c.content);
      const preview = await t.call('exchange.previewResults', { file });
      const imported = await t.call('exchange.importResults', { file });
      expect(imported.ok, c.name).toBe(false);
      const said = preview.ok ? preview.value.problems.map((p) => p.key) : [];
      const texts = preview.ok ? preview.value.problems.map((p) => englishFor(p.key, p.values)) : [preview.error.message];
      for (const pattern of c.expected) expect(texts.some((x) => pattern.test(x)), `${c.name}: ${pattern} in ${texts.join(' | ')}`).toBe(true);
      if (preview.ok) {
        expect(said.length, c.name).toBeGreaterThan(0);
        expect(imported.ok ? '' : imported.error.message, c.name).toMatch(/was not imported because of .*Nothing in the library was changed/);
      }
      expect(everyTable(db), c.name).toEqual(before);
    }
  });

  it('says plainly when the file is not there', async () => {
    const t = testBackend();
    await libraryWithMedia(t, media);
    const missing = path.join(tempDir(), 'gone.json');
    expect(await t.call('exchange.previewResults', { file: missing })).toMatchObject({ ok: false, error: { code: 'not-found', message: `There is no file ${missing}: choose the results file again.` } });
    expect(await t.call('exchange.importResults', { file: 'results.json' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
