import { z } from 'zod';
import type { Category } from './model-manifest.ts';
import { event, method } from '../rpc/define.ts';
import type { Says } from '../rpc/messages.ts';
import { chosenPath } from '../rpc/paths.ts';

export interface ModelInfo {
  id: string;
  name: string;
  version: string;
  licence: string;
  defaultThreshold: number;
  available: boolean;
  problem: string | null;
  /** Not a camera-trap detector: its results will be wrong, and the UI says so. */
  development: boolean;
}

/** A species classifier package as the renderer and the CLI see it. */
export interface ClassifierInfo {
  id: string;
  name: string;
  version: string;
  licence: string;
  available: boolean;
  problem: string | null;
  /** Lines of its labels file: one per answer the model gives. */
  labels: number;
  /** Those labels that name a species (the others are higher groups, blank, animal and the like). */
  species: number;
  /** A stand-in for testing, not a species model: the UI says so. */
  development: boolean;
}

/** What was added, and the version it replaced when another version of the same model was installed. */
export type InstalledModel = { kind: 'detector'; model: ModelInfo; replacedVersion: string | null } | { kind: 'classifier'; model: ClassifierInfo; replacedVersion: string | null };

export type JobState = 'queued' | 'running' | 'paused' | 'cancelled' | 'done' | 'failed';

export interface JobInfo {
  runId: number;
  scope: DetectionScope;
  modelID: string;
  modelName: string;
  modelVersion: string;
  /** The species classifier the job runs after detection; null for detection alone. */
  classifierName: string | null;
  classifierVersion: string | null;
  state: JobState;
  runner: string;
  /** Why the job runs where it runs, in English (for the command line and the log). */
  runnerReason: string | null;
  /** The runner reason as message keys, to show in the user's language; absent for jobs made before keys were kept. */
  runnerReasonSays?: Says[];
  /** How the job stopped or ended, in English. */
  message: string | null;
  /** The message as message keys; absent when there is none, or for jobs that ended before keys were kept. */
  messageSays?: Says[];
  total: number;
  done: number;
  failed: number;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

export interface JobProgress {
  runId: number;
  state: JobState;
  total: number;
  done: number;
  failed: number;
  imagesPerSecond: number;
  secondsLeft: number | null;
  /** Video frames looked at so far, when the job has videos. */
  frames?: number;
}

export interface BoxInfo {
  detectionId: number;
  category: Category;
  conf: number;
  bbox: [number, number, number, number];
  /** The video frame the box was found in (0 is the first); absent for a picture. */
  frame?: number;
}

export interface MediaDetections {
  runId: number;
  modelName: string;
  status: 'ok' | 'failed';
  truncated: boolean;
  /** Why the image failed, in English. */
  failure: string | null;
  /** The failure as message keys, to show in the user's language; absent for results stored before keys were kept. */
  failureSays?: Says[];
  threshold: number;
  detections: BoxInfo[];
  /** A video's frames per second as the detector read them: a box's time is its frame / frameRate. */
  frameRate?: number;
  /** The frames of a video the detector looked at, when it said (MegaDetector samples some). */
  framesProcessed?: number[];
}

/** What a run found at its model's default threshold; an image with an animal and a person counts in both. */
export interface RunCounts {
  runId: number;
  threshold: number;
  /** Images the run examined without failing. */
  images: number;
  animal: number;
  person: number;
  vehicle: number;
  /** Images with nothing at or above the threshold. */
  empty: number;
}

export const scopeSchema = z.object({
  deploymentID: z.string().min(1).optional(),
  importId: z.number().int().positive().optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/, 'Use YYYY-MM-DD or YYYY-MM-DD HH:MM').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/, 'Use YYYY-MM-DD or YYYY-MM-DD HH:MM').optional(),
  /** Leave out media this model has already processed. */
  onlyUnprocessed: z.boolean().default(true),
});
export type DetectionScope = z.infer<typeof scopeSchema>;

const runId = z.object({ runId: z.number().int().positive() });

export const detectMethods = {
  'models.list': method<ModelInfo[]>()(z.object({})),
  /** The species classifiers, listed apart from the detectors. */
  'models.classifiers': method<ClassifierInfo[]>()(z.object({})),
  /** A model package folder, or a .zip, .tar or .tar.gz of one, from a USB stick for example. */
  'models.install': method<InstalledModel>()(z.object({ package: chosenPath('choose-model-package') })),
  'detect.start': method<JobInfo>()(
    z.object({
      modelID: z.string().min(1).optional(),
      scope: scopeSchema.default({ onlyUnprocessed: true }),
      /** auto: the container with a GPU when there is one, else the CPU worker. */
      runner: z.enum(['auto', 'container', 'cpu']).default('auto'),
      /** A species classifier to run on the animals found, in the same job. */
      classifierID: z.string().min(1).max(100).optional(),
    }),
  ),
  /** Classifies the animals an earlier run found: the run goes on with the classifier. */
  'detect.classifyRun': method<JobInfo>()(
    z.object({ runId: z.number().int().positive(), classifierID: z.string().min(1).max(100), runner: z.enum(['auto', 'container', 'cpu']).default('auto') }),
  ),
  /** Frames of a video looked at per second of it: a library setting. */
  'detect.videoSampling': method<{ framesPerSecond: number }>()(z.object({})),
  'detect.setVideoSampling': method<{ framesPerSecond: number }>()(z.object({ framesPerSecond: z.number().min(0.1).max(30) })),
  'detect.pause': method<JobInfo>()(runId),
  'detect.resume': method<JobInfo>()(runId),
  'detect.cancel': method<JobInfo>()(runId),
  'detect.jobs': method<JobInfo[]>()(z.object({})),
  'detect.runCounts': method<RunCounts>()(runId),
  'detect.mediaResult': method<MediaDetections | null>()(z.object({ mediaID: z.string().regex(/^[0-9a-f]{16}$/), threshold: z.number().min(0).max(1).optional() })),
  'detect.exportMegadetector': method<{ file: string; images: number }>()(z.object({ runId: z.number().int().positive(), file: chosenPath('choose-save-file') })),
} as const;

export const detectEvents = {
  'models.installed': event<InstalledModel>(),
  'detect.progress': event<JobProgress>(),
  'detect.finished': event<JobInfo>(),
} as const;
