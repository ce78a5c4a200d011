import type { Db } from '../../library/db.ts';
import { nowIso } from '../../library/ids.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { Says } from '../../rpc/messages.ts';
import { storeSays } from '../../rpc/stored-says.ts';
import { processAlive } from '../../workers/process-alive.ts';
import type { JobState } from '../contract.ts';
import { jobRow, type JobRow } from './job-store.ts';

/** Every state a job may go to from each state; done and cancelled are final. */
export const jobTransitions: Readonly<Record<JobState, readonly JobState[]>> = {
  queued: ['running', 'paused', 'cancelled', 'done', 'failed'],
  running: ['running', 'paused', 'cancelled', 'done', 'failed'],
  paused: ['running', 'cancelled', 'done', 'failed'],
  failed: ['running', 'paused', 'cancelled', 'done', 'failed'],
  done: [],
  cancelled: [],
};


/** A job marked running by another Camtrap Station process that still runs (the CLI beside the app). */
export function ownedElsewhere(job: Pick<JobRow, 'state' | 'ownerPid'>, pid = process.pid, alive: (pid: number) => boolean = processAlive): boolean {
  return job.state === 'running' && job.ownerPid !== null && job.ownerPid !== pid && alive(job.ownerPid);
}

/** Why a job may not go from its state to another, or null when it may. */
export function refusal(job: Pick<JobRow, 'runId' | 'state' | 'ownerPid'>, to: JobState, alive?: (pid: number) => boolean): StationError | null {
  if (jobTransitions[job.state].length === 0) return new StationError('conflict', job.state === 'done' ? 'job-ended-done' : 'job-ended-cancelled', { runId: job.runId });
  // Another process's job may still be cancelled from here: it stops at its next look at the job.
  if (to !== 'cancelled' && ownedElsewhere(job, process.pid, alive)) {
    return new StationError('busy', 'job-running-elsewhere', { runId: job.runId, pid: job.ownerPid ?? '' });
  }
  if (!jobTransitions[job.state].includes(to)) return new StationError('conflict', to === 'paused' ? 'job-cannot-pause' : 'job-cannot-change', { runId: job.runId });
  return null;
}

/**
 * The one way a job changes state: checked against the table and against ownership, then
 * recorded with who runs it and when it started or ended. The message is kept as message keys.
 */
export function transition(db: Db, runId: number, to: JobState, said: Says[] | null = null): JobRow {
  const job = jobRow(db, runId);
  const refused = refusal(job, to);
  if (refused) throw refused;
  const ended = to === 'done' || to === 'cancelled' || to === 'failed';
  const at = nowIso();
  const message = said ? storeSays(said) : null;
  db.prepare(
    `UPDATE detection_runs SET state = ?, message = ?, owner_pid = CASE WHEN ? = 'running' THEN ? ELSE owner_pid END,
       started_at = COALESCE(started_at, CASE WHEN ? = 'running' THEN ? END), ended_at = CASE WHEN ? THEN ? ELSE NULL END
     WHERE run_id = ?`,
  ).run(to, message, to, process.pid, to, at, ended ? 1 : 0, at, runId);
  return { ...job, state: to, message };
}
