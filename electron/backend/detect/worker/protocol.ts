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

/**
 * One line a worker wrote, or null for one that is not a whole JSON line (a line cut when a
 * container was stopped, or stray output): both runners skip those.
 */
export function parseWorkerLine(text: string): WorkerLine | null {
  try {
    const line = JSON.parse(text) as WorkerLine;
    return typeof line === 'object' && line !== null && typeof line.type === 'string' ? line : null;
  } catch {
    return null;
  }
}
