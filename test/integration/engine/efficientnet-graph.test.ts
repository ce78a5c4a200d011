import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { classifierManifestSchema } from '../../../electron/backend/detect/classify/classifier-manifest.ts';
import { docker, requireDocker, testImageTag } from '../../support/docker.ts';
import { efficientnetPackage } from '../../support/efficientnet-package.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const size = 480;
const classes = 1000;

function floats(file: string): Float32Array {
  const bytes = fs.readFileSync(file);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

function softmax(logits: Float32Array): Float64Array {
  const top = Math.max(...logits);
  const exps = Float64Array.from(logits, (v) => Math.exp(v - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}

/** The package's graph in onnxruntime on this machine's cores: the scores, and seconds per pass once warm (the best of three: the machine may be busy). */
async function onnxruntime(modelFile: string, input: Float32Array): Promise<{ probs: Float64Array; seconds: number }> {
  const session = await ort.InferenceSession.create(modelFile, { intraOpNumThreads: os.cpus().length, graphOptimizationLevel: 'all' });
  try {
    const feeds = { [session.inputNames[0] as string]: new ort.Tensor('float32', input, [1, 3, size, size]) };
    const first = await session.run(feeds);
    let seconds = Infinity;
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      await session.run(feeds);
      seconds = Math.min(seconds, (performance.now() - started) / 1000);
    }
    return { probs: softmax((first[session.outputNames[0] as string] as ort.Tensor).data as Float32Array), seconds };
  } finally {
    await session.release();
  }
}

describe('EfficientNetV2-M exported from torchvision by the test image', () => {
  it('is a classifier package whose graph gives the same scores in torch, in the worker’s interpreter and in onnxruntime', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const pkg = await efficientnetPackage();
    const manifest = classifierManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(pkg, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({ kind: 'classifier', inputSize: size, crop: 'crop', purpose: 'development', output: { activation: 'softmax' } });
    const labels = fs.readFileSync(path.join(pkg, manifest.labels), 'utf8').trimEnd().split('\n');
    expect(labels).toHaveLength(classes);
    for (const label of labels) expect(label).toMatch(/^[0-9a-f-]{36};mammalia;;;;;test class \d+$/);

    // The interpreter and torch's own model, in the container, on one random input it writes out.
    const out = tempDir();
    const user = `${process.getuid?.() ?? 1000}:${process.getgid?.() ?? 1000}`;
    docker('run', '--rm', '--network', 'none', '--user', user, '-v', `${pkg}:/package:ro`, '-v', `${out}:/out`, '--entrypoint', 'python3', testImageTag, '/opt/camtrap/check_efficientnet_graph.py', '/package', '/out');
    const input = floats(path.join(out, 'input.f32'));
    const torchProbs = floats(path.join(out, 'torch.f32'));
    const graphProbs = floats(path.join(out, 'onnx_torch.f32'));
    expect(input).toHaveLength(3 * size * size);
    expect(torchProbs).toHaveLength(classes);
    // Scores far from uniform (0.001 each), or the comparison would prove nothing.
    expect(Math.max(...torchProbs)).toBeGreaterThan(0.01);
    expect(maxDifference(graphProbs, torchProbs)).toBeLessThan(1e-4);

    const ortRun = await onnxruntime(path.join(pkg, manifest.file), input);
    expect(maxDifference(ortRun.probs, torchProbs)).toBeLessThan(1e-3);
    expect(maxDifference(ortRun.probs, graphProbs)).toBeLessThan(1e-3);

    const timings = JSON.parse(fs.readFileSync(path.join(out, 'timings.json'), 'utf8')) as { threads: number; torchSeconds: number; onnxTorchSeconds: number };
    console.log(
      `EfficientNetV2-M 1x3x480x480, seconds per pass: torch ${timings.torchSeconds.toFixed(2)} and onnx_torch ${timings.onnxTorchSeconds.toFixed(2)} (${timings.threads} threads), ` +
        `onnxruntime-node ${ortRun.seconds.toFixed(2)} (${os.cpus().length} threads); max score difference onnx_torch ${maxDifference(graphProbs, torchProbs).toExponential(2)}, ` +
        `onnxruntime ${maxDifference(ortRun.probs, torchProbs).toExponential(2)}`,
    );
  }, 900_000);
});
