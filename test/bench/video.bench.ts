// npm run bench:video — the app's video path end to end (job, worker process, ffprobe, ffmpeg
// sampling one frame a second, letterboxing, inference, storing every frame's boxes) against the
// same work done apart and added up: ffmpeg decoding the same frames at the same rate alone, plus
// bare onnxruntime forward passes on that many frames' tensors with the same threads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobInfo } from '../../electron/backend/detect/contract.ts';
import { Detector } from '../../electron/backend/detect/detector.ts';
import { modelManifestSchema } from '../../electron/backend/detect/model-manifest.ts';
import { fitInside, letterbox } from '../../electron/backend/detect/prepare-image.ts';
import { inferenceThreads } from '../../electron/backend/detect/runners/cpu-runner.ts';
import { toolPath } from '../../electron/backend/media-tools/ffmpeg-binaries.ts';
import { probeVideo } from '../../electron/backend/media-tools/probe-video.ts';
import { sampleFrames } from '../../electron/backend/media-tools/sample-frames.ts';
import { testBackend } from '../support/backend.ts';
import { importAndWait } from '../support/import-and-wait.ts';
import { libraryWithDeployment } from '../support/library-with-deployment.ts';
import { makeVideo } from '../support/make-video.ts';
import { useTestModels } from '../support/models.ts';
import { heronMedia } from '../support/shared.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

const videos = Number(process.env.BENCH_VIDEOS ?? 6);
/** Each video: 20 s at 15 frames a second, as a trail camera records, from the heron stills. */
const seconds = 20;
const fps = 15;
const threads = inferenceThreads();
const modelsDir = useTestModels();
const work = tempDir();
const card = path.join(work, 'card', 'DCIM');
fs.mkdirSync(card, { recursive: true });
const stills = fs.readdirSync(heronMedia()).sort().map((n) => path.join(heronMedia(), n));
const frames = Array.from({ length: seconds * fps }, (_, i) => stills[Math.floor((i / (seconds * fps)) * stills.length)] as string);
const files = Array.from({ length: videos }, (_, v) => makeVideo(path.join(card, `VID${String(v).padStart(4, '0')}.MP4`), { frames, fps, codec: 'h264', width: 1280, creationTime: `2021-04-11T20:${String(10 + v).padStart(2, '0')}:00Z` }));
const t = testBackend();
await libraryWithDeployment(t, path.join(work, 'library'));
await importAndWait(t, path.join(work, 'card'), 'dep1');
const pkg = path.join(modelsDir, 'nanodet-m-416');
const manifest = modelManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(pkg, 'manifest.json'), 'utf8')));
const info = await probeVideo(files[0] as string);
const size = fitInside(info.width ?? 1, info.height ?? 1, manifest.inputSize);
const every = Math.round((info.frameRate ?? fps) / 1);
const sampled = videos * Math.ceil((seconds * fps) / every);

/** ffmpeg alone, the app's command: decode every video, keep one frame a second, scaled. */
function decodeAlone(): number {
  const ffmpeg = toolPath('ffmpeg') as string;
  const t0 = performance.now();
  for (const file of files) {
    const r = spawnSync(ffmpeg, ['-v', 'error', '-nostdin', '-i', file, '-an', '-vf', `select=not(mod(n\\,${every})),scale=${size.width}:${size.height}:flags=bilinear`, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(r.stderr.toString());
  }
  return (performance.now() - t0) / 1000;
}

/** Bare forward passes on as many letterboxed frames as the videos give. */
async function inferAlone(): Promise<number> {
  const detector = await Detector.load(path.join(pkg, 'model.onnx'), manifest, threads);
  const tensors: Float32Array[] = [];
  for await (const f of sampleFrames(files[0] as string, { every, ...size }).frames) tensors.push(letterbox(f.data, size.width, size.height, 3, manifest).tensor);
  for (const tensor of tensors.slice(0, 3)) await detector.forward(tensor);
  const t0 = performance.now();
  for (let i = 0; i < sampled; i += 1) await detector.forward(tensors[i % tensors.length] as Float32Array);
  const s = (performance.now() - t0) / 1000;
  await detector.session.release();
  return s;
}

async function app(): Promise<number> {
  const t0 = performance.now();
  const finished = new Promise<JobInfo>((resolve) => t.backend.subscribe((name, payload) => name === 'detect.finished' && resolve(payload as JobInfo)));
  await t.must('detect.start', { runner: 'cpu', scope: { onlyUnprocessed: false } });
  const job = await finished;
  if (job.done !== videos || job.failed !== 0) throw new Error(`job ended ${job.state} with ${job.done}/${videos}, ${job.failed} failed`);
  return (performance.now() - t0) / 1000;
}

// The parts apart before and after the app's run, so that drift of the machine hits both sides.
const apart = async () => decodeAlone() + (await inferAlone());
const before = await apart();
const appSeconds = await app();
const after = await apart();
t.backend.close();
removeTempDirs();
const apartFps = sampled / ((before + after) / 2);
const appFps = sampled / appSeconds;
console.log(`videos ${videos} (H.264 1280x720, ${seconds} s at ${fps} fps), ${sampled} frames looked at (one a second), model nanodet-m-416 at 416, ${os.availableParallelism()} cores, ${threads} inference threads, ${os.cpus()[0]?.model ?? 'cpu'}`);
console.log(`app end to end                    ${appFps.toFixed(2)} frames/s (job start to last result stored)`);
console.log(`ffmpeg alone + bare inference     ${apartFps.toFixed(2)} frames/s (before ${(sampled / before).toFixed(2)}, after ${(sampled / after).toFixed(2)})`);
console.log(`ratio ${(appFps / apartFps).toFixed(2)}`);
