import os from 'node:os';
import readline from 'node:readline';
import type { Runner, RunnerCallbacks, RunnerHandle, RunnerJob } from './runner.ts';
import { spawnWorkerProcess } from '../../workers/spawn-worker-process.ts';
import { parseWorkerLine, type JobManifest } from '../worker/protocol.ts';

/**
 * Threads for the forward pass: all cores but one, which decodes the next images meanwhile.
 * On two cores this is as fast as two inference threads fighting the decoder, and steadier.
 */
export function inferenceThreads(cores = os.availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/** One CPU worker process for one job's pending media. */
function startCpuWorker(entry: URL, job: RunnerJob, callbacks: RunnerCallbacks): RunnerHandle {
  const child = spawnWorkerProcess(entry);
  const classifier = job.classifier && { modelFile: job.classifier.pkg.modelFile, manifest: job.classifier.pkg.manifest, boxThreshold: job.classifier.boxThreshold };
  const manifest: JobManifest = { runId: job.runId, modelFile: job.model.modelFile, manifest: job.model.manifest, threads: inferenceThreads(), videoFramesPerSecond: job.videoFramesPerSecond, items: job.items, ...(classifier ? { classifier } : {}) };
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
  return { stop: () => child.kill(), pid: child.pid, detached: false, checkpoint: () => null };
}

/**
 * The embedded detector: a Node child process with onnxruntime; nothing of it outlives the
 * backend. The worker's entry can be another speaker of the same protocol (a test's).
 */
export function createCpuRunner(entry = new URL('../worker/detect-worker.ts', import.meta.url)): Runner {
  return {
    reattach: () => Promise.resolve(null),
    start: (job, callbacks) => Promise.resolve(startCpuWorker(entry, job, callbacks)),
  };
}

export const cpuRunner: Runner = createCpuRunner();
