import type { testBackend } from './backend.ts';
import type { JobInfo } from '../../electron/backend/detect/contract.ts';

/** Classifies the animals of an earlier run through the RPC and resolves when the run ends again. */
export async function classifyAndWait(t: ReturnType<typeof testBackend>, runId: number, classifierID: string, runner: 'auto' | 'container' | 'cpu' = 'cpu'): Promise<JobInfo> {
  const ended = new Promise<JobInfo>((resolve) => {
    const stop = t.backend.subscribe((name, payload) => {
      if (name !== 'detect.finished' || (payload as JobInfo).runId !== runId) return;
      stop();
      resolve(payload as JobInfo);
    });
  });
  const started = await t.must('detect.classifyRun', { runId, classifierID, runner });
  return started.state === 'done' ? started : ended;
}
