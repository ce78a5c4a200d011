import type { Station } from '../../electron/backend/app/station.ts';
import type { ImportProgress, ImportSummary } from '../../electron/backend/ingest/contract.ts';
import type { testStation } from './station.ts';

/** Starts an import through the RPC and resolves with its summary event. */
export async function importAndWait(t: ReturnType<typeof testStation>, source: string, deploymentID: string) {
  const progress: ImportProgress[] = [];
  const finished = waitForFinish(t.station, progress);
  const { importId } = await t.must('ingest.start', { source, deploymentID });
  const summary = await finished;
  if (summary.importId !== importId) throw new Error('a different import finished');
  return { summary, progress };
}

function waitForFinish(station: Station, progress: ImportProgress[]): Promise<ImportSummary> {
  return new Promise((resolve) => {
    const stop = station.subscribe((name, payload) => {
      if (name === 'ingest.progress') progress.push(payload as ImportProgress);
      if (name === 'ingest.finished') {
        stop();
        resolve(payload as ImportSummary);
      }
    });
  });
}
