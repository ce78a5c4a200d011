import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import { spawnWorkerProcess } from '../workers/spawn-worker-process.ts';
import type { UsableModel } from './detection-jobs.ts';
import { parseWorkerLine, type JobManifest, type WorkerLine } from './worker/protocol.ts';

export interface RunnerCallbacks {
  onLine(line: WorkerLine): void;
  /** The worker ended; whether the job is done is read from its pending images, not from how it ended. */
  onExit(detail: string): void;
}

/**
 * Threads for the forward pass: all cores but one, which decodes the next images meanwhile.
 * On two cores this is as fast as two inference threads fighting the decoder, and steadier.
 */
export function inferenceThreads(cores = os.availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/** One CPU worker process for one job's pending media. */
export function startCpuWorker(model: UsableModel, runId: number, items: JobManifest['items'], callbacks: RunnerCallbacks): ChildProcess {
  const child = spawnWorkerProcess(new URL('./worker/detect-worker.ts', import.meta.url));
  const manifest: JobManifest = { runId, modelFile: model.modelFile, manifest: model.manifest, threads: inferenceThreads(), items };
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    const line = parseWorkerLine(text);
    if (line) callbacks.onLine(line);
  });
  // 'close', not 'exit': the last lines of stdout are read before the end is handled.
  child.on('close', (code, signal) => callbacks.onExit(signal ? `stopped by ${signal}` : `exit code ${code}${stderr ? `: ${stderr.trim()}` : ''}`));
  child.on('error', (err) => {
    stderr = `could not start the worker: ${err.message}`;
  });
  child.stdin?.on('error', () => undefined);
  child.stdin?.write(`${JSON.stringify(manifest)}\n`);
  return child;
}
