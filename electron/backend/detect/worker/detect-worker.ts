import readline from 'node:readline';
import { englishFor } from '../../rpc/messages.ts';
import { Detector } from '../detector.ts';
import { prepareImage, type PreparedImage } from '../prepare-image.ts';
import type { JobManifest, WorkerLine } from './protocol.ts';

// The CPU detection worker: a child process of the backend. Decoding the next images (sharp,
// on libuv threads) overlaps the forward pass of the current one (onnxruntime's threads).
const prefetch = 2;

function send(line: WorkerLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

type Failure = Extract<WorkerLine, { type: 'failure' }>;

/** Why an image failed: in English, and as the message key the backend stores. */
function describe(mediaPk: number, err: unknown): Failure {
  const message = err instanceof Error ? err.message : String(err);
  const says: NonNullable<Failure['says']> = /unsupported image format|Input file contains unsupported/i.test(message)
    ? { key: 'detect-not-an-image' }
    : /Input file is missing|ENOENT/i.test(message)
      ? { key: 'detect-file-missing' }
      : { key: 'detect-image-failed', values: { detail: message.slice(0, 2000) } };
  return { type: 'failure', mediaPk, reason: englishFor(says.key, says.values), says };
}

async function run(job: JobManifest): Promise<void> {
  const detector = await Detector.load(job.modelFile, job.manifest, job.threads);
  send({ type: 'ready', runId: job.runId, device: 'cpu', threads: job.threads });
  const started = performance.now();
  let processed = 0;
  let failed = 0;
  let msPrepare = 0;
  let msInfer = 0;
  let lastProgress = 0;
  const prepared: Promise<PreparedImage | Error>[] = [];
  const prepare = (i: number) => {
    const item = job.items[i];
    if (!item) return;
    const t = performance.now();
    prepared[i] = prepareImage(item.path, job.manifest).then(
      (p) => {
        msPrepare += performance.now() - t;
        return p;
      },
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
  };
  for (let i = 0; i < prefetch; i += 1) prepare(i);
  for (let i = 0; i < job.items.length; i += 1) {
    prepare(i + prefetch);
    const item = job.items[i] as JobManifest['items'][number];
    const image = await (prepared[i] as Promise<PreparedImage | Error>);
    delete prepared[i];
    if (image instanceof Error) {
      failed += 1;
      send(describe(item.mediaPk, image));
    } else {
      const t = performance.now();
      try {
        const detections = await detector.detect(image);
        msInfer += performance.now() - t;
        send({ type: 'result', mediaPk: item.mediaPk, truncated: image.truncated, detections });
      } catch (err) {
        failed += 1;
        send(describe(item.mediaPk, err));
      }
    }
    processed += 1;
    const now = performance.now();
    if (now - lastProgress > 500 || processed === job.items.length) {
      lastProgress = now;
      send({
        type: 'progress',
        runId: job.runId,
        done: processed,
        total: job.items.length,
        imagesPerSecond: processed / ((now - started) / 1000),
        msPrepare: msPrepare / processed,
        msInfer: msInfer / Math.max(1, processed - failed),
      });
    }
  }
  send({ type: 'done', runId: job.runId, processed, failed });
}

// The backend going away closes stdin: the worker must not outlive it.
const input = readline.createInterface({ input: process.stdin });
let started = false;
input.on('line', (line) => {
  if (started) return;
  started = true;
  run(JSON.parse(line) as JobManifest).then(
    // Exit only once stdout has handed over the last lines (pipe writes are asynchronous).
    () => process.stdout.write('', () => process.exit(0)),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
});
input.on('close', () => {
  if (!started) process.exit(1);
});
process.stdin.on('end', () => process.exit(1));
