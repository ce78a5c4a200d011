import ort from 'onnxruntime-node';

/** An onnxruntime session on the CPU, set up as every model of the app runs there. */
export function cpuSession(modelFile: string, threads: number): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(modelFile, {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    // Some models list their weights as inputs; ORT warns about each at load time.
    logSeverityLevel: 3,
    // Idle inference threads sleep instead of spinning, leaving the cores to decoding the next images.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
}
