// npm run bench:classify — the species stage end to end (job, worker process, full-size decoding,
// crop, resize, batching, inference, the ensemble, storing) on the real EfficientNetV2-M graph of
// SpeciesNet (random weights, never shown to users), against bare onnxruntime forward passes on
// the same crops' tensors, in the same batches, with the same threads, measured in one run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifierManifestSchema } from '../../electron/backend/detect/classify/classifier-manifest.ts';
import { Classifier } from '../../electron/backend/detect/classify/classifier.ts';
import { boxRegion } from '../../electron/backend/detect/classify/crop-region.ts';
import { writeCropTensor } from '../../electron/backend/detect/classify/crop-tensor.ts';
import { uprightPixels } from '../../electron/backend/detect/classify/upright-picture.ts';
import { inferenceThreads } from '../../electron/backend/detect/runners/cpu-runner.ts';
import { testBackend } from '../support/backend.ts';
import { runWithBoxes } from '../support/boxes-from-file.ts';
import { classifyAndWait } from '../support/classify-and-wait.ts';
import { efficientnetPackage } from '../support/efficientnet-package.ts';
import { importAndWait } from '../support/import-and-wait.ts';
import { libraryWithDeployment } from '../support/library-with-deployment.ts';
import { makeCard } from '../support/make-card.ts';
import { useTestModels } from '../support/models.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

const pictures = Number(process.env.BENCH_PICTURES ?? 12);
/** Two animals a picture, as a classifier meets them: one large, one small. */
const boxes: [number, number, number, number][] = [
  [0.1, 0.2, 0.45, 0.6],
  [0.6, 0.5, 0.2, 0.25],
];
const crops = pictures * boxes.length;
const threads = inferenceThreads();
const modelsDir = useTestModels();
const source = await efficientnetPackage();
const pkg = path.join(modelsDir, path.basename(source));
fs.cpSync(source, pkg, { recursive: true });
const manifest = classifierManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(pkg, 'manifest.json'), 'utf8')));
const work = tempDir();
const files = makeCard(path.join(work, 'card'), pictures);
const t = testBackend();
await libraryWithDeployment(t, path.join(work, 'library'));
await importAndWait(t, path.join(work, 'card'), 'dep1');
const runId = await runWithBoxes(t, Object.fromEntries(files.map((f) => [path.basename(f), boxes])));

async function bare(): Promise<number> {
  const classifier = await Classifier.load(path.join(pkg, manifest.file), manifest, threads);
  const batchSize = manifest.batchSize;
  const batch = new Float32Array(batchSize * 3 * manifest.inputSize ** 2);
  const tensors: Float32Array[] = [];
  let slot = 0;
  for (const file of files) {
    const pixels = await uprightPixels(file);
    for (const box of boxes) {
      writeCropTensor(pixels, boxRegion(box, pixels.width, pixels.height), manifest, batch, slot);
      slot += 1;
      if (slot === batchSize) {
        tensors.push(batch.slice());
        slot = 0;
      }
    }
  }
  if (slot > 0) tensors.push(batch.slice(0, slot * 3 * manifest.inputSize ** 2));
  const sizes = tensors.map((b) => b.length / (3 * manifest.inputSize ** 2));
  await classifier.forward(tensors[0] as Float32Array, 1);
  const t0 = performance.now();
  for (let i = 0; i < tensors.length; i += 1) await classifier.forward(tensors[i] as Float32Array, sizes[i] as number);
  return crops / ((performance.now() - t0) / 1000);
}

async function stage(): Promise<number> {
  const t0 = performance.now();
  const job = await classifyAndWait(t, runId, manifest.id, 'cpu');
  const seconds = (performance.now() - t0) / 1000;
  const stored = t.backend.requireLibrary().db.prepare("SELECT COUNT(*) FROM classifications WHERE run_id = ? AND kind = 'prediction'").pluck().get(runId) as number;
  if (job.state !== 'done' || stored !== crops) throw new Error(`job ended ${job.state} with ${stored} of ${crops} predictions stored`);
  return crops / seconds;
}

// Bare passes before and after the stage's run, so that drift of the machine hits both sides.
const bareBefore = await bare();
const stageCps = await stage();
const bareAfter = await bare();
const bareCps = (bareBefore + bareAfter) / 2;
t.backend.close();
removeTempDirs();
console.log(`crops ${crops} (${pictures} pictures 2048x1440, ${boxes.length} boxes each), ${manifest.name} at ${manifest.inputSize}, batch ${manifest.batchSize}, ${os.availableParallelism()} cores, ${threads} inference threads in both, ${os.cpus()[0]?.model ?? 'cpu'}`);
console.log(`whole stage           ${stageCps.toFixed(3)} crops/s (job start to last prediction stored: worker start, model load, decoding, crops, ensemble and storing included)`);
console.log(`bare forward passes   ${bareCps.toFixed(3)} crops/s (before ${bareBefore.toFixed(3)}, after ${bareAfter.toFixed(3)})`);
console.log(`ratio ${(stageCps / bareCps).toFixed(2)}`);
