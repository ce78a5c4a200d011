import type { Detection } from '../boxes.ts';
import type { ModelManifest } from '../model-manifest.ts';

/**
 * The line protocol every detection worker speaks, on the CPU as a Node process or in a
 * container: one job manifest in, JSON lines out.
 */
export interface JobManifest {
  runId: number;
  modelFile: string;
  manifest: ModelManifest;
  threads: number;
  items: { mediaPk: number; path: string }[];
}

export type WorkerLine =
  | { type: 'ready'; runId: number; device: string; threads: number }
  | { type: 'progress'; runId: number; done: number; total: number; imagesPerSecond: number; msPrepare: number; msInfer: number }
  | { type: 'result'; mediaPk: number; truncated: boolean; detections: Detection[] }
  | { type: 'failure'; mediaPk: number; reason: string }
  | { type: 'done'; runId: number; processed: number; failed: number };
