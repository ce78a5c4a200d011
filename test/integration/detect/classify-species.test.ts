import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { runWithBoxes } from '../../support/boxes-from-file.ts';
import { classifyAndWait } from '../../support/classify-and-wait.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { useTestModels } from '../../support/models.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';
import { pictureWith, tinyClassifierPackage, tinyLabels, tinyClass, type PictureSpec, type TinyClassName } from '../../support/tiny-classifier.ts';

let modelsDir = '';
beforeAll(() => {
  modelsDir = useTestModels();
  tinyClassifierPackage(path.join(modelsDir, 'tiny-test-classifier'));
});
afterAll(removeTempDirs);

const grey: [number, number, number] = [128, 128, 128];
const warthogBox: [number, number, number, number] = [0.25, 0.25, 0.5, 0.5];
/** Black in the box, white in its top-left quarter: the tiny classifier's warthog, and blank when turned. */
const warthog = (extra: Partial<PictureSpec> = {}): PictureSpec => ({
  width: 400,
  height: 300,
  background: grey,
  patches: [
    { box: warthogBox, colour: [0, 0, 0] },
    { box: [0.25, 0.25, 0.25, 0.25], colour: [255, 255, 255] },
  ],
  ...extra,
});

/** Each picture, how it is stored, its boxes, and what the classifier must say of each box. */
const pictures: { name: string; spec: PictureSpec; boxes: { box: [number, number, number, number]; is: TinyClassName }[] }[] = [
  {
    name: 'TWO_ANIMALS.JPG',
    spec: { width: 400, height: 300, background: grey, patches: [{ box: [0.1, 0.1, 0.3, 0.4], colour: [230, 20, 20] }, { box: [0.55, 0.2, 0.3, 0.4], colour: [20, 230, 20] }] },
    boxes: [
      { box: [0.1, 0.1, 0.3, 0.4], is: 'lion' },
      { box: [0.55, 0.2, 0.3, 0.4], is: 'zebra' },
    ],
  },
  { name: 'TURNED_RIGHT.JPG', spec: { width: 400, height: 300, background: grey, patches: [{ box: [0.2, 0.3, 0.4, 0.4], colour: [20, 20, 230] }], orientation: 6 }, boxes: [{ box: [0.2, 0.3, 0.4, 0.4], is: 'elephant' }] },
  { name: 'UPSIDE_DOWN.JPG', spec: warthog({ orientation: 3 }), boxes: [{ box: warthogBox, is: 'warthog' }] },
  { name: 'TURNED_LEFT.JPG', spec: warthog({ orientation: 8 }), boxes: [{ box: warthogBox, is: 'warthog' }] },
  { name: 'MIRRORED.JPG', spec: warthog({ orientation: 2 }), boxes: [{ box: warthogBox, is: 'warthog' }] },
  { name: 'PRINTED_CMYK.JPG', spec: { width: 400, height: 300, background: grey, patches: [{ box: [0.3, 0.3, 0.3, 0.3], colour: [230, 20, 20] }], colourspace: 'cmyk' }, boxes: [{ box: [0.3, 0.3, 0.3, 0.3], is: 'lion' }] },
  { name: 'NIGHT_GREY.JPG', spec: warthog({ colourspace: 'b-w' }), boxes: [{ box: warthogBox, is: 'warthog' }] },
];

async function libraryOfPictures() {
  const work = tempDir();
  const card = path.join(work, 'card', 'DCIM', '100TEST');
  fs.mkdirSync(card, { recursive: true });
  for (const p of pictures) await pictureWith(path.join(card, p.name), p.spec);
  const t = testBackend();
  await libraryWithDeployment(t, path.join(work, 'library'));
  await importAndWait(t, path.join(work, 'card'), 'dep1');
  return t;
}

interface Said {
  fileName: string;
  x: number;
  y: number;
  kind: string;
  rank: number;
  description: string;
  conf: number;
  scientificName: string | null;
}

function saidOf(t: ReturnType<typeof testBackend>, runId: number): Said[] {
  return t.backend
    .requireLibrary()
    .db.prepare(
      `SELECT m.file_name AS fileName, d.x, d.y, c.kind, c.rank, c.description, c.conf, c.scientific_name AS scientificName
       FROM classifications c JOIN media m ON m.media_pk = c.media_pk JOIN detections d ON d.detection_id = c.detection_id
       WHERE c.run_id = ? ORDER BY m.file_name, d.x, c.kind, c.rank`,
    )
    .all(runId) as Said[];
}

describe('species from the machine, on the CPU', () => {
  it('crops each box from the upright picture (turned, mirrored, CMYK, greyscale) and says what is in it', async () => {
    const t = await libraryOfPictures();
    const runId = await runWithBoxes(t, Object.fromEntries(pictures.map((p) => [p.name, p.boxes.map((b) => b.box)])));
    const job = await classifyAndWait(t, runId, 'tiny-test-classifier');
    expect(job).toMatchObject({ state: 'done', classifierName: 'Tiny test classifier', classifierVersion: '1', total: pictures.length, done: pictures.length, failed: 0 });
    const said = saidOf(t, runId);
    for (const p of pictures) {
      for (const b of p.boxes) {
        const mine = said.filter((s) => s.fileName === p.name && Math.abs(s.x - b.box[0]) < 1e-6);
        const ranked = mine.filter((s) => s.kind === 'ranked');
        const prediction = mine.filter((s) => s.kind === 'prediction');
        expect(ranked.map((r) => r.rank), `${p.name} ${b.is}`).toEqual([1, 2, 3, 4, 5]);
        expect(ranked[0]?.description, `${p.name}: top label`).toBe(tinyLabels[tinyClass[b.is]]);
        expect(ranked[0]?.conf, `${p.name}: top score`).toBeGreaterThan(0.9);
        expect(prediction, `${p.name}: one prediction per box`).toHaveLength(1);
        expect(prediction[0]?.description).toBe(tinyLabels[tinyClass[b.is]]);
      }
    }
    // A species label gives the library a scientific name; the run's own classifier is named.
    expect(said.find((s) => s.kind === 'prediction' && s.fileName === 'TWO_ANIMALS.JPG')?.scientificName).toBe('Panthera leo');
    t.backend.close();
  });

  it('classifies the same run again with exactly one prediction per box, the old ones replaced', async () => {
    const t = await libraryOfPictures();
    const runId = await runWithBoxes(t, { 'TWO_ANIMALS.JPG': pictures[0]?.boxes.map((b) => b.box) ?? [] });
    await classifyAndWait(t, runId, 'tiny-test-classifier');
    await classifyAndWait(t, runId, 'tiny-test-classifier');
    const predictions = saidOf(t, runId).filter((s) => s.kind === 'prediction');
    expect(predictions.map((p) => p.description)).toEqual([tinyLabels[tinyClass.lion], tinyLabels[tinyClass.zebra]]);
    t.backend.close();
  });

  it('refuses, in plain words, a species model that is not installed or a run still running', async () => {
    const t = await libraryOfPictures();
    const runId = await runWithBoxes(t, { 'TWO_ANIMALS.JPG': [[0.1, 0.1, 0.3, 0.4]] });
    const missing = await t.call('detect.classifyRun', { runId, classifierID: 'speciesnet-v4a', runner: 'cpu' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/species model speciesnet-v4a is not installed/) } });
    t.backend.close();
  });

  it('from the command line: detects and classifies in one job, then classifies an earlier job again', async () => {
    const work = tempDir();
    const card = path.join(work, 'card', 'DCIM', '100TEST');
    fs.mkdirSync(card, { recursive: true });
    await pictureWith(path.join(card, 'ONE.JPG'), pictures[0]?.spec as PictureSpec);
    const library = path.join(work, 'library');
    const env = { ...process.env, CAMTRAP_DATA_DIR: path.join(work, 'data'), CAMTRAP_MODELS_DIRS: modelsDir };
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.resolve('electron/backend/cli/camtrap-station.mjs'), '--json', ...args], { env, encoding: 'utf8' });
    expect(cli('library', 'init', library).status).toBe(0);
    cli('location', 'add', '--library', library, '--name', 'x', '--lat', '-1.3', '--lon', '36.8', '--id', 'loc1');
    cli('deployment', 'add', '--library', library, '--location', 'loc1', '--start', '2000-01-01T00:00:00Z', '--end', '2030-01-01T00:00:00Z', '--id', 'dep1');
    expect(cli('import', path.join(work, 'card'), '--library', library, '--deployment', 'dep1').status).toBe(0);
    const both = cli('detect', '--library', library, '--runner', 'cpu', '--species', 'tiny-test-classifier');
    expect(both.status, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject({ state: 'done', classifierName: 'Tiny test classifier', done: 1 });
    const again = cli('detect', '--library', library, '--runner', 'cpu', '--species', 'tiny-test-classifier', '--run', String((JSON.parse(both.stdout) as { runId: number }).runId));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/species by Tiny test classifier/);
  });
});
