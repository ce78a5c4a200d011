import { ownedElsewhere } from './job-lifecycle.ts';
import type { JobRow } from './job-store.ts';
import type { Db } from '../../library/db.ts';
import type { Logger } from '../../log/logger.ts';

/** Jobs that were running when the app stopped carry on when the library opens again; returns their ids. */
export async function resumeInterrupted(db: Db, jobs: { isActive(runId: number): boolean; run(runId: number): Promise<void> }, logger: Pick<Logger, 'error'>): Promise<number[]> {
  const rows = db.prepare("SELECT run_id AS runId, owner_pid AS ownerPid, state FROM detection_runs WHERE state = 'running'").all() as Pick<JobRow, 'runId' | 'ownerPid' | 'state'>[];
  const resumed: number[] = [];
  for (const r of rows) {
    if (jobs.isActive(r.runId) || ownedElsewhere(r)) continue;
    try {
      await jobs.run(r.runId);
      resumed.push(r.runId);
    } catch (err) {
      logger.error('could not resume a detection job', err, { runId: r.runId });
    }
  }
  return resumed;
}
