import { z } from 'zod';
import type { Category } from './model-manifest.ts';
import { event, method } from '../rpc/define.ts';
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

export type JobState = 'queued' | 'running' | 'paused' | 'cancelled' | 'done' | 'failed';

export interface JobInfo {
  runId: number;
  scope: DetectionScope;
  modelID: string;
  modelName: string;
  modelVersion: string;
  state: JobState;
  runner: string;
  runnerReason: string | null;
  message: string | null;
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
}

export interface BoxInfo {
  detectionId: number;
  category: Category;
  conf: number;
  bbox: [number, number, number, number];
}

export interface MediaDetections {
  runId: number;
  modelName: string;
  status: 'ok' | 'failed';
  truncated: boolean;
  failure: string | null;
  threshold: number;
  detections: BoxInfo[];
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
  'detect.start': method<JobInfo>()(
    z.object({
      modelID: z.string().min(1).optional(),
      scope: scopeSchema.default({ onlyUnprocessed: true }),
      /** auto: the container with a GPU when there is one, else the CPU worker. */
      runner: z.enum(['auto', 'container', 'cpu']).default('auto'),
    }),
  ),
  'detect.pause': method<JobInfo>()(runId),
  'detect.resume': method<JobInfo>()(runId),
  'detect.cancel': method<JobInfo>()(runId),
  'detect.jobs': method<JobInfo[]>()(z.object({})),
  'detect.mediaResult': method<MediaDetections | null>()(z.object({ mediaID: z.string().regex(/^[0-9a-f]{16}$/), threshold: z.number().min(0).max(1).optional() })),
  'detect.exportMegadetector': method<{ file: string; images: number }>()(z.object({ runId: z.number().int().positive(), file: chosenPath('Choose where to save the file') })),
} as const;

export const detectEvents = {
  'detect.progress': event<JobProgress>(),
  'detect.finished': event<JobInfo>(),
} as const;
