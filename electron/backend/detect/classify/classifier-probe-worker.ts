import readline from 'node:readline';
import ort from 'onnxruntime-node';

// Opens a classifier that is being installed and runs it once on a grey input, in a process of
// its own: a model file that crashes onnxruntime takes down only this process. One request line
// in ({ modelFile, dims }), one answer line out: the first output's dimensions, or why it failed.

export interface ProbeRequest {
  modelFile: string;
  /** The input's shape in the model's layout, one crop. */
  dims: number[];
}

export type ProbeAnswer = { type: 'outputs'; dims: number[]; finite: boolean } | { type: 'failure'; reason: string };

function answer(line: ProbeAnswer): Promise<void> {
  return new Promise((resolve) => process.stdout.write(`${JSON.stringify(line)}\n`, () => resolve()));
}

async function probe({ modelFile, dims }: ProbeRequest): Promise<ProbeAnswer> {
  const session = await ort.InferenceSession.create(modelFile, { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1, logSeverityLevel: 3 });
  const input = new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.5), dims);
  const results = await session.run({ [session.inputNames[0] as string]: input });
  const output = results[session.outputNames[0] as string] as ort.Tensor;
  const data = output.data as Float32Array;
  return { type: 'outputs', dims: output.dims.map(Number), finite: data.every((v) => Number.isFinite(v)) };
}

const lines = readline.createInterface({ input: process.stdin });
lines.once('line', (text) => {
  lines.close();
  void probe(JSON.parse(text) as ProbeRequest)
    .then(answer, (err: unknown) => answer({ type: 'failure', reason: err instanceof Error ? err.message : String(err) }))
    .then(() => process.exit(0));
});
