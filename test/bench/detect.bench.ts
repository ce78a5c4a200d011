// npm run bench:detect — the app's detection end to end (job, worker process, decoding,
// inference, storing) against bare onnxruntime forward passes on the same images' tensors,
// with the same threads, measured in one run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobInfo } from '../../electron/backend/detect/contract.ts';
import { Detector } from '../../electron/backend/detect/detector.ts';
import { modelManifestSchema } from '../../electron/backend/detect/model-manifest.ts';
import { prepareImage } from '../../electron/backend/detect/prepare-image.ts';
import { inferenceThreads } from '../../electron/backend/detect/runners/cpu-runner.ts';
import { testBackend } from '../support/backend.ts';
import { importAndWait } from '../support/import-and-wait.ts';
import { libraryWithDeployment } from '../support/library-with-deployment.ts';
import { makeCard } from '../support/make-card.ts';
import { useTestModels } from '../support/models.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

const count = Number(process.env.BENCH_IMAGES ?? 300);
const threads = inferenceThreads();
const modelsDir = useTestModels();
const work = tempDir();
const files = makeCard(path.join(work, 'card'), count);
const t = testBackend();
await libraryWithDeployment(t, path.join(work, 'library'));
await importAndWait(t, path.join(work, 'card'), 'dep1');

async function bare(): Promise<number> {
  const pkg = path.join(modelsDir, 'nanodet-m-416');
  const manifest = modelManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(pkg, 'manifest.json'), 'utf8')));
  const detector = await Detector.load(path.join(pkg, 'model.onnx'), manifest, threads);
  const tensors = await Promise.all(files.slice(0, 50).map((f) => prepareImage(f, manifest).then((p) => p.tensor)));
  for (const tensor of tensors.slice(0, 5)) await detector.forward(tensor);
  const t0 = performance.now();
  for (let i = 0; i < count; i += 1) await detector.forward(tensors[i % tensors.length] as Float32Array);
  const ips = count / ((performance.now() - t0) / 1000);
  await detector.session.release();
  return ips;
}

async function app(): Promise<number> {
  const t0 = performance.now();
  const finished = new Promise<JobInfo>((resolve) => t.backend.subscribe((name, payload) => name === 'detect.finished' && resolve(payload as JobInfo)));
  await t.must('detect.start', { scope: { onlyUnprocessed: false } });
  const job = await finished;
  if (job.done !== count || job.failed !== 0) throw new Error(`job ended ${job.state} with ${job.done}/${count}, ${job.failed} failed`);
  return count / ((performance.now() - t0) / 1000);
}

// Bare passes before and after the app's run, so that drift of the machine hits both sides.
const bareBefore = await bare();
const appIps = await app();
const bareAfter = await bare();
const bareIps = (bareBefore + bareAfter) / 2;
t.backend.close();
removeTempDirs();
console.log(`images ${count} (2048x1440 JPEG), model nanodet-m-416 at 416, ${os.availableParallelism()} cores, ${threads} inference threads in both, ${os.cpus()[0]?.model ?? 'cpu'}`);
console.log(`app end to end        ${appIps.toFixed(2)} images/s (job start to last result stored, worker start and model load included)`);
console.log(`bare forward passes   ${bareIps.toFixed(2)} images/s (before ${bareBefore.toFixed(2)}, after ${bareAfter.toFixed(2)})`);
console.log(`ratio ${(appIps / bareIps).toFixed(2)}`);
