import path from 'node:path';
import readline from 'node:readline';
import { z } from 'zod';
import { installLimits } from './install-limits.ts';
import type { InstallableClassifier } from './package-manifest.ts';
import { StationError } from '../../rpc/envelope.ts';
import { spawnWorkerProcess } from '../../workers/spawn-worker-process.ts';
import type { ProbeRequest } from '../classify/classifier-probe-worker.ts';

const workerEntry = new URL('../classify/classifier-probe-worker.ts', import.meta.url);

const answerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('outputs'), dims: z.array(z.number()).max(8), finite: z.boolean() }),
  z.object({ type: z.literal('failure'), reason: z.string().max(10_000) }),
]);

/** Runs the probe worker on the model; resolves with its answer, or rejects with why there is none. */
function probe(request: ProbeRequest): Promise<{ dims: number[]; finite: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawnWorkerProcess(workerEntry);
    let outputs: { dims: number[]; finite: boolean } | null = null;
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
      let parsed: z.infer<typeof answerSchema> | null = null;
      try {
        parsed = answerSchema.parse(JSON.parse(text));
      } catch {
        return;
      }
      if (parsed.type === 'outputs') outputs = parsed;
      else failure = parsed.reason;
    });
    child.on('error', (err) => {
      failure = err.message;
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.write(`${JSON.stringify(request)}\n`);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (outputs && !failure) resolve(outputs);
      else reject(new Error(failure ?? (stderr.trim() || `the check stopped with exit code ${code}`)));
    });
  });
}

/**
 * Runs the staged classifier once on a grey crop, in a process of its own: it must open, take an
 * input of the manifest's size and layout, and give one finite score per label.
 */
export async function checkClassifierRuns(packageDir: string, manifest: InstallableClassifier, labels: number, name: string): Promise<void> {
  const size = manifest.inputSize;
  const dims = manifest.preprocess.layout === 'nchw' ? [1, 3, size, size] : [1, size, size, 3];
  let outputs: { dims: number[]; finite: boolean };
  try {
    outputs = await probe({ modelFile: path.join(packageDir, manifest.file), dims });
  } catch (err) {
    throw new StationError('invalid-input', 'model-package-does-not-load', { name, detail: (err as Error).message.replaceAll(`${packageDir}${path.sep}`, '').slice(0, 300) });
  }
  if (outputs.dims.length !== 2 || outputs.dims[0] !== 1) {
    throw new StationError('invalid-input', 'model-package-does-not-load', { name, detail: `its answer has the shape [${outputs.dims.join(', ')}], not one row of scores` });
  }
  if (outputs.dims[1] !== labels) throw new StationError('invalid-input', 'classifier-labels-do-not-match', { name, outputs: outputs.dims[1] ?? 0, labels });
  if (!outputs.finite) throw new StationError('invalid-input', 'model-package-does-not-load', { name, detail: 'it gives scores that are not numbers' });
}
