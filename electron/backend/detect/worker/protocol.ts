import { z } from 'zod';
import { englishFor, type Says } from '../../rpc/messages.ts';
import type { ClassifierManifest } from '../classify/classifier-manifest.ts';
import { categories, type ModelManifest } from '../model-manifest.ts';

/**
 * The line protocol every detection worker speaks, on the CPU as a Node process or in a
 * container: one job manifest in, JSON lines out.
 */
export interface JobManifest {
  runId: number;
  modelFile: string;
  manifest: ModelManifest;
  threads: number;
  /**
   * The species stage, when the job has one: after detection, each animal box at or above
   * boxThreshold (or, for a `full` classifier, the whole picture) is classified.
   */
  classifier?: { modelFile: string; manifest: ClassifierManifest; boxThreshold: number };
  /** Frames looked at per second of video: the library's setting (one a second, as AddaxAI and Biowatch). */
  videoFramesPerSecond?: number;
  /**
   * `boxes`, when given, were found by an earlier run: the image is classified only, those boxes
   * in that order. `video`: frames are sampled, and each box says its frame.
   */
  items: { mediaPk: number; path: string; video?: boolean; boxes?: { bbox: [number, number, number, number] }[] }[];
}

const unit = z.number().min(0).max(1);
const count = z.number().int().min(0);
const detection = z.object({
  category: z.enum(categories),
  conf: unit,
  bbox: z.tuple([unit, unit, unit, unit]),
  /** In a video: the frame the box was found in, counted from 0 in the file's own frames. */
  frame: z.number().int().min(0).max(100_000_000).optional(),
});
const mediaPk = z.number().int().positive();
/**
 * What the classifier said about one box (its index among the result's detections, or among
 * the boxes the item came with) or about the whole picture (null): the top scores, best first,
 * as [label index, score].
 */
const classification = z.object({
  box: z.number().int().min(0).max(10_000).nullable(),
  top: z.array(z.tuple([z.number().int().min(0).max(1_000_000), unit])).min(1).max(10),
});
const classifications = z.array(classification).max(10_000);
/** Why an image failed, as a message key: only those about an image, with plain values. */
const failureSays = z.object({
  key: z.enum(['detect-not-an-image', 'detect-file-missing', 'detect-image-failed', 'detect-worker-line-unreadable', 'detect-video-unreadable']),
  values: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
});

const workerLineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), runId: z.number().int(), device: z.string(), threads: z.number().int() }),
  z.object({
    type: z.literal('progress'),
    runId: z.number().int(),
    done: count,
    total: count,
    imagesPerSecond: z.number().min(0),
    msPrepare: z.number(),
    msInfer: z.number(),
    /** Video frames looked at so far by this worker. */
    frames: count.optional(),
  }),
  z.object({
    type: z.literal('result'),
    mediaPk,
    truncated: z.boolean(),
    detections: z.array(detection).max(100_000),
    classifications: classifications.optional(),
    /** A video's frame rate and the frames looked at, as MegaDetector writes them. */
    frameRate: z.number().positive().max(10_000).optional(),
    framesProcessed: z.array(count).max(1_000_000).optional(),
  }),
  z.object({ type: z.literal('classified'), mediaPk, classifications }),
  z.object({ type: z.literal('failure'), mediaPk, reason: z.string().max(10_000), says: failureSays.optional() }),
  z.object({ type: z.literal('done'), runId: z.number().int(), processed: count, failed: count }),
]);

export type WorkerLine = z.infer<typeof workerLineSchema>;
export type WorkerClassification = z.infer<typeof classification>;

/**
 * A line a worker wrote, checked: the worker (above all one in a container) is outside the
 * backend's trust. A line that is not whole JSON (cut when a container stopped, or stray output)
 * is skipped (null); a JSON line that breaks the protocol but names an image becomes a failure
 * of that image with the reason, so the job goes on and the image is not left pending forever.
 */
export function parseWorkerLine(text: string): WorkerLine | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = workerLineSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const named = z.object({ mediaPk }).safeParse(raw);
  if (!named.success) return null;
  const problem = parsed.error.issues[0];
  const values = { detail: problem ? `${problem.path.join('.')}: ${problem.message}` : 'invalid' };
  return { type: 'failure', mediaPk: named.data.mediaPk, reason: englishFor('detect-worker-line-unreadable', values), says: { key: 'detect-worker-line-unreadable', values } };
}

/**
 * Why an image failed, as message keys. A worker that names no key (the container's, so far)
 * gave only its words: its one known sentence is recognised, anything else goes in as a detail.
 */
export function failureReason(line: Extract<WorkerLine, { type: 'failure' }>): Says[] {
  if (line.says) return [line.says];
  const unreadable = /^Could not read this image: (.*)$/s.exec(line.reason);
  if (unreadable) return [{ key: 'detect-image-unreadable', values: { detail: unreadable[1] ?? '' } }];
  const video = /^Could not read this video: (.*)$/s.exec(line.reason);
  if (video) return [{ key: 'detect-video-unreadable', values: { detail: video[1] ?? '' } }];
  return [{ key: 'detect-image-failed', values: { detail: line.reason } }];
}
