import ort from 'onnxruntime-node';
import { topScores, type ClassifierManifest } from './classifier-manifest.ts';
import { cpuSession } from '../onnx-session.ts';

/** The best scores of one crop, best first, as [label index, score]. */
export type TopScores = [number, number][];

/** The top scores of a row of logits or scores, after a softmax when the model gives logits. */
export function topOf(row: Float32Array, activation: ClassifierManifest['output']['activation'], k = topScores): TopScores {
  let scores: Float32Array = row;
  if (activation === 'softmax') {
    let max = Number.NEGATIVE_INFINITY;
    for (const v of row) max = Math.max(max, v);
    let sum = 0;
    scores = new Float32Array(row.length);
    for (let i = 0; i < row.length; i += 1) {
      scores[i] = Math.exp((row[i] as number) - max);
      sum += scores[i] as number;
    }
    for (let i = 0; i < row.length; i += 1) scores[i] = (scores[i] as number) / sum;
  }
  const order = Array.from(scores.keys()).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  return order.slice(0, k).map((i) => [i, Math.round((scores[i] as number) * 1e6) / 1e6]);
}

/** A species classifier on the CPU: batches of crops in, the top scores of each out. */
export class Classifier {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly manifest: ClassifierManifest,
  ) {}

  static async load(modelFile: string, manifest: ClassifierManifest, threads: number): Promise<Classifier> {
    const session = await cpuSession(modelFile, threads);
    return new Classifier(session, manifest);
  }

  /** The shape of a batch of `count` crops in the model's layout. */
  dims(count: number): number[] {
    const size = this.manifest.inputSize;
    return this.manifest.preprocess.layout === 'nchw' ? [count, 3, size, size] : [count, size, size, 3];
  }

  /** The model's raw output for a batch: what the benchmark compares the whole stage against. */
  async forward(batch: Float32Array, count: number): Promise<{ data: Float32Array; classes: number }> {
    const input = new ort.Tensor('float32', batch.subarray(0, count * 3 * this.manifest.inputSize ** 2), this.dims(count));
    const results = await this.session.run({ [this.session.inputNames[0] as string]: input });
    const output = results[this.session.outputNames[0] as string] as ort.Tensor;
    return { data: output.data as Float32Array, classes: Number(output.dims[output.dims.length - 1]) };
  }

  async classify(batch: Float32Array, count: number): Promise<TopScores[]> {
    const { data, classes } = await this.forward(batch, count);
    return Array.from({ length: count }, (_, i) => topOf(data.subarray(i * classes, (i + 1) * classes), this.manifest.output.activation));
  }
}
