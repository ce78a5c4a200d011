import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { runWithBoxes } from '../../support/boxes-from-file.ts';
import { classifyAndWait } from '../../support/classify-and-wait.ts';
import { requireDocker } from '../../support/docker.ts';
import { efficientnetPackage } from '../../support/efficientnet-package.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeCard } from '../../support/make-card.ts';
import { useTestModels } from '../../support/models.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';
import { pictureWith, tinyClassifierPackage, tinyLabels, tinyClass, type PictureSpec, type TinyClassName } from '../../support/tiny-classifier.ts';

let modelsDir = '';
beforeAll(() => {
  modelsDir = useTestModels();
  process.env.CAMTRAP_RESOURCES_DIR = path.resolve('resources');
});
afterAll(removeTempDirs);

/** A package the container can read: it runs as another user. */
function readableByAll(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
}

interface Ranked {
  fileName: string;
  x: number;
  y: number;
  rank: number;
  description: string;
  conf: number;
}

function rankedOf(t: ReturnType<typeof testBackend>, runId: number): Ranked[] {
  return t.backend
    .requireLibrary()
    .db.prepare(
      `SELECT m.file_name AS fileName, d.x, d.y, c.rank, c.description, c.conf FROM classifications c
       JOIN media m ON m.media_pk = c.media_pk JOIN detections d ON d.detection_id = c.detection_id
       WHERE c.run_id = ? AND c.kind = 'ranked' ORDER BY m.file_name, d.x, d.y, c.rank`,
    )
    .all(runId) as Ranked[];
}

/** The same boxes classified by both runners: per box, whether the top label is the same, and the largest difference of the scores rank by rank. */
function compare(cpu: Ranked[], container: Ranked[]): { crops: number; sameTop: number; worst: number } {
  const key = (r: Ranked) => `${r.fileName} ${r.x} ${r.y}`;
  const theirs = new Map<string, Ranked[]>();
  for (const r of container) theirs.set(key(r), [...(theirs.get(key(r)) ?? []), r]);
  let crops = 0;
  let sameTop = 0;
  let worst = 0;
  for (const r of cpu) {
    const other = theirs.get(key(r))?.find((o) => o.rank === r.rank);
    if (!other) return { crops, sameTop, worst: Infinity };
    if (r.rank === 1) {
      crops += 1;
      if (other.description === r.description) sameTop += 1;
    }
    worst = Math.max(worst, Math.abs(other.conf - r.conf));
  }
  return { crops, sameTop, worst };
}

async function libraryWith(card: string) {
  const t = testBackend();
  const root = path.join(tempDir(), 'library');
  await libraryWithDeployment(t, root);
  await importAndWait(t, card, 'dep1');
  return t;
}

const grey: [number, number, number] = [128, 128, 128];
const pictures: { name: string; spec: PictureSpec; boxes: { box: [number, number, number, number]; is: TinyClassName }[] }[] = [
  {
    name: 'TWO.JPG',
    spec: { width: 640, height: 480, background: grey, patches: [{ box: [0.1, 0.1, 0.3, 0.4], colour: [230, 20, 20] }, { box: [0.55, 0.2, 0.3, 0.4], colour: [20, 230, 20] }] },
    boxes: [
      { box: [0.1, 0.1, 0.3, 0.4], is: 'lion' },
      { box: [0.55, 0.2, 0.3, 0.4], is: 'zebra' },
    ],
  },
  {
    name: 'TURNED.JPG',
    spec: { width: 640, height: 480, background: grey, patches: [{ box: [0.25, 0.25, 0.5, 0.5], colour: [0, 0, 0] }, { box: [0.25, 0.25, 0.25, 0.25], colour: [255, 255, 255] }], orientation: 6 },
    boxes: [{ box: [0.25, 0.25, 0.5, 0.5], is: 'warthog' }],
  },
  { name: 'CMYK.JPG', spec: { width: 640, height: 480, background: grey, patches: [{ box: [0.3, 0.3, 0.3, 0.3], colour: [20, 20, 230] }], colourspace: 'cmyk' }, boxes: [{ box: [0.3, 0.3, 0.3, 0.3], is: 'elephant' }] },
];

describe('species in the PyTorch container', () => {
  it('with the tiny classifier: the same top label as the CPU worker for every box, probabilities within 0.02', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    readableByAll(tinyClassifierPackage(path.join(modelsDir, 'tiny-test-classifier')));
    const card = path.join(tempDir(), 'card', 'DCIM', '100TEST');
    fs.mkdirSync(card, { recursive: true });
    for (const p of pictures) await pictureWith(path.join(card, p.name), p.spec);
    const t = await libraryWith(path.dirname(path.dirname(card)));
    const boxes = Object.fromEntries(pictures.map((p) => [p.name, p.boxes.map((b) => b.box)]));
    const onCpu = await runWithBoxes(t, boxes);
    const inContainer = await runWithBoxes(t, boxes);
    expect(await classifyAndWait(t, onCpu, 'tiny-test-classifier', 'cpu')).toMatchObject({ state: 'done', runner: 'cpu' });
    expect(await classifyAndWait(t, inContainer, 'tiny-test-classifier', 'container')).toMatchObject({ state: 'done', runner: 'container-cpu', failed: 0 });
    const cpu = rankedOf(t, onCpu);
    const container = rankedOf(t, inContainer);
    for (const p of pictures) {
      for (const b of p.boxes) {
        const top = container.find((r) => r.fileName === p.name && Math.abs(r.x - b.box[0]) < 1e-6 && r.rank === 1);
        expect(top?.description, `${p.name} in the container`).toBe(tinyLabels[tinyClass[b.is]]);
      }
    }
    const c = compare(cpu, container);
    console.log(`tiny classifier: ${c.crops} crops, same top label ${c.sameTop}, worst score difference ${c.worst.toFixed(5)}`);
    expect(c).toMatchObject({ crops: 4, sameTop: 4 });
    expect(c.worst).toBeLessThanOrEqual(0.02);
    t.backend.close();
  }, 300_000);

  it('with SpeciesNet’s architecture (EfficientNetV2-M at 480, random weights): both runners run the graph and agree within 0.001', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const source = await efficientnetPackage();
    const pkg = path.join(modelsDir, path.basename(source));
    fs.cpSync(source, pkg, { recursive: true });
    readableByAll(pkg);
    const id = (JSON.parse(fs.readFileSync(path.join(pkg, 'manifest.json'), 'utf8')) as { id: string }).id;
    const work = tempDir();
    fs.chmodSync(work, 0o755);
    const files = makeCard(path.join(work, 'card'), 3);
    const t = await libraryWith(path.join(work, 'card'));
    const boxes = Object.fromEntries(
      files.map((f) => [
        path.basename(f),
        [
          [0.1, 0.2, 0.45, 0.6],
          [0.6, 0.5, 0.2, 0.25],
        ] as [number, number, number, number][],
      ]),
    );
    const onCpu = await runWithBoxes(t, boxes);
    const inContainer = await runWithBoxes(t, boxes);
    expect(await classifyAndWait(t, onCpu, id, 'cpu')).toMatchObject({ state: 'done', failed: 0 });
    expect(await classifyAndWait(t, inContainer, id, 'container')).toMatchObject({ state: 'done', runner: 'container-cpu', failed: 0 });
    const c = compare(rankedOf(t, onCpu), rankedOf(t, inContainer));
    console.log(`EfficientNetV2-M: ${c.crops} crops, same top label ${c.sameTop}, worst score difference ${c.worst.toExponential(2)}`);
    expect(c).toMatchObject({ crops: 6, sameTop: 6 });
    expect(c.worst).toBeLessThanOrEqual(1e-3);
    t.backend.close();
  }, 600_000);
});
