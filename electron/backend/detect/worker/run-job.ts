import { englishFor } from '../../rpc/messages.ts';
import type { Detection } from '../boxes.ts';
import { Classifier } from '../classify/classifier.ts';
import { ClassifyBatches, type CropScores } from '../classify/classify-batches.ts';
import { boxRegion, fullRegion, type Region } from '../classify/crop-region.ts';
import type { Pixels } from '../classify/crop-tensor.ts';
import { uprightPixels } from '../classify/upright-picture.ts';
import { Detector } from '../detector.ts';
import { prepareImage, type PreparedImage } from '../prepare-image.ts';
import { detectVideo } from './detect-video.ts';
import type { JobManifest, WorkerLine } from './protocol.ts';

// Decoding the next images (sharp, on libuv threads) overlaps the forward pass of the current
// one (onnxruntime's threads).
const prefetch = 2;

type Failure = Extract<WorkerLine, { type: 'failure' }>;
type Item = JobManifest['items'][number];

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

/** What one image needs before the models see it: the detector's input unless its boxes came with it, the full picture when it is classified. */
interface Decoded {
  image: PreparedImage | null;
  pixels: Pixels | null;
}

/** The crops a classifier takes of a picture: the boxes it came with, or the animal boxes found, or the whole picture. */
function cropsOf(job: JobManifest, item: Item, detections: Detection[] | null, pixels: Pixels): { box: number | null; region: Region }[] {
  const classifier = job.classifier;
  if (!classifier) return [];
  if (classifier.manifest.crop === 'full') return [{ box: null, region: fullRegion(pixels.width, pixels.height) }];
  const region = (bbox: Detection['bbox']) => boxRegion(bbox, pixels.width, pixels.height);
  if (item.boxes) return item.boxes.map((b, i) => ({ box: i, region: region(b.bbox) }));
  return (detections ?? []).flatMap((d, i) => (d.category === 'animal' && d.conf >= classifier.boxThreshold ? [{ box: i, region: region(d.bbox) }] : []));
}

/** A job's work on the CPU, each line handed to `send`: the worker process's loop, and the benchmark's. */
export async function runJob(job: JobManifest, send: (line: WorkerLine) => void): Promise<void> {
  // Loaded when the first picture to detect comes: a job that only classifies never needs it.
  let detector: Promise<Detector> | null = null;
  const detect = async (image: PreparedImage) => (await (detector ??= Detector.load(job.modelFile, job.manifest, job.threads))).detect(image);
  const classifier = job.classifier ? await Classifier.load(job.classifier.modelFile, job.classifier.manifest, job.threads) : null;
  const batches = classifier ? new ClassifyBatches(classifier, classifier.manifest.batchSize) : null;
  send({ type: 'ready', runId: job.runId, device: 'cpu', threads: job.threads });
  const started = performance.now();
  let processed = 0;
  let failed = 0;
  let msPrepare = 0;
  let msInfer = 0;
  let lastProgress = 0;
  let frames = 0;
  const progress = () => {
    const now = performance.now();
    if (now - lastProgress <= 500 && processed !== job.items.length) return;
    lastProgress = now;
    send({
      type: 'progress',
      runId: job.runId,
      done: processed,
      total: job.items.length,
      imagesPerSecond: processed / ((now - started) / 1000),
      msPrepare: msPrepare / Math.max(1, processed),
      msInfer: (msInfer + (batches?.msInfer ?? 0)) / Math.max(1, processed - failed),
      ...(frames > 0 ? { frames } : {}),
    });
  };
  const finished = (line: WorkerLine) => {
    if (line.type === 'failure') failed += 1;
    send(line);
    processed += 1;
    progress();
  };
  const prepared: Promise<Decoded | Error>[] = [];
  const prepare = (i: number) => {
    const item = job.items[i];
    if (!item) return;
    const t = performance.now();
    // A video is decoded frame by frame when its turn comes, by ffmpeg in a process of its own.
    const still = !item.video;
    prepared[i] = Promise.all([item.boxes || !still ? null : prepareImage(item.path, job.manifest), classifier && still ? uprightPixels(item.path) : null]).then(
      ([image, pixels]) => {
        msPrepare += performance.now() - t;
        return { image, pixels };
      },
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
  };
  for (let i = 0; i < prefetch; i += 1) prepare(i);
  for (let i = 0; i < job.items.length; i += 1) {
    prepare(i + prefetch);
    const item = job.items[i] as Item;
    const decoded = await (prepared[i] as Promise<Decoded | Error>);
    delete prepared[i];
    if (decoded instanceof Error) {
      finished(describe(item.mediaPk, decoded));
      continue;
    }
    if (item.video) {
      const t = performance.now();
      const onFrame = () => {
        frames += 1;
        progress();
      };
      finished(await detectVideo(job, item, detect, onFrame).catch((err: unknown) => describe(item.mediaPk, err)));
      msInfer += performance.now() - t;
      continue;
    }
    let detections: Detection[] | null = null;
    if (decoded.image) {
      const t = performance.now();
      try {
        detections = await detect(decoded.image);
        msInfer += performance.now() - t;
      } catch (err) {
        finished(describe(item.mediaPk, err));
        continue;
      }
    }
    const image = decoded.image;
    const toLine = (classifications: CropScores[] | undefined): WorkerLine =>
      detections && image
        ? { type: 'result', mediaPk: item.mediaPk, truncated: image.truncated, detections, ...(classifications ? { classifications } : {}) }
        : { type: 'classified', mediaPk: item.mediaPk, classifications: classifications ?? [] };
    if (!batches || !decoded.pixels) {
      finished(toLine(undefined));
      continue;
    }
    await batches.add(decoded.pixels, cropsOf(job, item, detections, decoded.pixels), (scores) => finished(scores instanceof Error ? describe(item.mediaPk, scores) : toLine(scores)));
  }
  await batches?.flush();
  send({ type: 'done', runId: job.runId, processed, failed });
}

