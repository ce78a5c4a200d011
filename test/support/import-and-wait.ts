import type { testBackend } from './backend.ts';
import type { Backend } from '../../electron/backend/app/backend.ts';
import type { ImportProgress, ImportSummary } from '../../electron/backend/ingest/contract.ts';

/** Starts an import through the RPC and resolves with its summary event. */
export async function importAndWait(t: ReturnType<typeof testBackend>, source: string, deploymentID: string) {
  const progress: ImportProgress[] = [];
  const finished = waitForFinish(t.backend, progress);
  const { importId } = await t.must('ingest.start', { source, deploymentID });
  const summary = await finished;
  if (summary.importId !== importId) throw new Error('a different import finished');
  return { summary, progress };
}

function waitForFinish(backend: Backend, progress: ImportProgress[]): Promise<ImportSummary> {
  const stopProgress = backend.on('ingest.progress', (p) => progress.push(p));
  return new Promise((resolve) => {
    const stop = backend.on('ingest.finished', (summary) => {
      stop();
      stopProgress();
      resolve(summary);
    });
  });
}
