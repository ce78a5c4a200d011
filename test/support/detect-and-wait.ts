import type { testBackend } from './backend.ts';
import type { DetectionScope, JobInfo } from '../../electron/backend/detect/contract.ts';

/** Starts a detection job through the RPC and resolves when it ends. */
export async function detectAndWait(
  t: ReturnType<typeof testBackend>,
  scope: Partial<DetectionScope> = {},
  modelID?: string,
  runner: 'auto' | 'container' | 'cpu' = 'auto',
): Promise<JobInfo> {
  let runId = -1;
  const early: JobInfo[] = [];
  const ended = new Promise<JobInfo>((resolve) => {
    const stop = t.backend.subscribe((name, payload) => {
      if (name !== 'detect.finished') return;
      const job = payload as JobInfo;
      if (runId === -1) early.push(job);
      else if (job.runId === runId) {
        stop();
        resolve(job);
      }
    });
  });
  const job = await t.must('detect.start', { modelID, runner, scope: { onlyUnprocessed: true, ...scope } });
  runId = job.runId;
  const already = early.find((j) => j.runId === runId);
  return already ?? ended;
}
