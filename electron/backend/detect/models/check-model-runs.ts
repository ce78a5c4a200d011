import path from 'node:path';
import readline from 'node:readline';
import sharp from 'sharp';
import { installLimits } from './install-limits.ts';
import type { InstallableDetector } from './package-manifest.ts';
import { StationError } from '../../rpc/envelope.ts';
import { spawnWorkerProcess } from '../../workers/spawn-worker-process.ts';
import { inferenceThreads } from '../runners/cpu-runner.ts';
import { parseWorkerLine, type JobManifest } from '../worker/protocol.ts';

const workerEntry = new URL('../worker/detect-worker.ts', import.meta.url);

/**
 * Runs the staged model once on a plain grey picture, in the CPU detection worker: a separate
 * process, so a model file that crashes onnxruntime takes down only that process. The model
 * must open and give an answer its manifest's decoder can read.
 */
export async function checkModelRuns(packageDir: string, manifest: InstallableDetector, workDir: string, name: string): Promise<void> {
  const probe = path.join(workDir, 'probe.jpg');
  await sharp({ create: { width: 160, height: 120, channels: 3, background: { r: 118, g: 128, b: 104 } } }).jpeg().toFile(probe);
  const job: JobManifest = { runId: 1, modelFile: path.join(packageDir, manifest.file), manifest, threads: inferenceThreads(), items: [{ mediaPk: 1, path: probe }] };
  const problem = await new Promise<string | null>((resolve) => {
    const child = spawnWorkerProcess(workerEntry);
    let answered = false;
    let failure: string | null = null;
    let stderr = '';
    const timer = setTimeout(() => {
      failure = `it did not answer within ${installLimits.loadSeconds} seconds`;
      child.kill();
    }, installLimits.loadSeconds * 1000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-400);
    });
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
      const line = parseWorkerLine(text);
      if (line?.type === 'result') answered = true;
      if (line?.type === 'failure') failure = line.reason;
    });
    child.on('error', (err) => {
      failure = err.message;
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.write(`${JSON.stringify(job)}\n`);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(answered && code === 0 ? null : (failure ?? (stderr.trim() || `the check stopped with exit code ${code}`)));
    });
  });
  if (problem) throw new StationError('invalid-input', 'model-package-does-not-load', { name, detail: problem.replaceAll(`${packageDir}${path.sep}`, '').slice(0, 300) });
}
