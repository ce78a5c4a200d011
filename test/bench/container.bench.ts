// npm run bench:container — the detection container's job end to end (the app starting the
// container, decoding, inference, results stored) against bare torch forward passes inside the
// same container on the same images' tensors, in one run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobInfo } from '../../electron/backend/detect/contract.ts';
import { jobFolder } from '../../electron/backend/detect/runners/container-runner.ts';
import { dockerMissing, testImageTag } from '../support/docker.ts';
import { libraryWithCard } from '../support/library-with-card.ts';
import { useTestModels } from '../support/models.ts';
import { removeTempDirs } from '../support/temp-dir.ts';

const why = dockerMissing();
if (why) {
  console.error(`bench:container cannot run: ${why}`);
  process.exit(1);
}
const count = Number(process.env.BENCH_IMAGES ?? 300);
const models = useTestModels();
process.env.CAMTRAP_RESOURCES_DIR = path.resolve('resources');
const { t, library } = await libraryWithCard(count);

const t0 = performance.now();
const finished = new Promise<JobInfo>((resolve) => t.backend.subscribe((name, p) => name === 'detect.finished' && resolve(p as JobInfo)));
await t.must('detect.start', { runner: 'container', scope: { onlyUnprocessed: false } });
const job = await finished;
const appIps = count / ((performance.now() - t0) / 1000);
if (job.done !== count || job.failed !== 0) throw new Error(`the job ended ${job.state} with ${job.done}/${count}`);
const lines = fs.readFileSync(path.join(jobFolder(library, job.runId), 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const last = lines.filter((l) => l.type === 'progress').at(-1) as Record<string, number>;

// The same manifest the job ran with, timed as forward passes only.
const jobDir = jobFolder(library, job.runId);
const bare = spawnSync(
  'docker',
  ['run', '--rm', '--network', 'none', '--user', '1000:1000', '-v', `${library}:/library:ro`, '-v', `${jobDir}:/job:ro`, '-v', `${path.join(models, 'nanodet-m-416')}:/model:ro`, testImageTag, '/job/manifest.json', '--bare', String(count)],
  { encoding: 'utf8' },
);
if (bare.status !== 0) throw new Error(`bare run failed: ${bare.stderr}`);
const bareResult = JSON.parse(bare.stdout.trim().split('\n').at(-1) ?? '{}') as { imagesPerSecond: number; batchSize: number; threads: number; device: string };
t.backend.close();
removeTempDirs();
console.log(`images ${count} (2048x1440 JPEG), nanodet-m-416, image ${testImageTag}, ${os.availableParallelism()} cores, device ${bareResult.device}, ${bareResult.threads} torch threads, batch ${bareResult.batchSize}`);
console.log(`container job end to end  ${appIps.toFixed(2)} images/s (container start, model load, decoding, inference, storing; worker alone: ${Number(last.imagesPerSecond).toFixed(2)} images/s, ${Number(last.msPrepare).toFixed(1)} ms decoding and ${Number(last.msInfer).toFixed(1)} ms inference per image)`);
console.log(`bare torch forward passes ${bareResult.imagesPerSecond.toFixed(2)} images/s`);
console.log(`ratio ${(appIps / bareResult.imagesPerSecond).toFixed(2)}`);
