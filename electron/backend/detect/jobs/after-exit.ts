/** Worker ends in a row without a new result before the job is marked failed. */
export const maxCrashes = 6;

export type Stopping = 'pause' | 'cancel' | 'close' | null;

export type NextStep =
  | { kind: 'paused' }
  | { kind: 'cancelled' }
  | { kind: 'done' }
  | { kind: 'failed' }
  /** Start a worker again; skipFirst: the next image is recorded as failed first, it may be what kills the worker. */
  | { kind: 'restart'; skipFirst: boolean };

/**
 * What follows a worker's end: what was asked for, else whether anything is left, else a restart
 * as long as the worker keeps making headway. A worker that ended without its done line but left
 * nothing undone has still done the job.
 */
export function nextStep(stopping: Stopping, left: number, crashes: number): NextStep {
  if (stopping === 'pause') return { kind: 'paused' };
  if (stopping === 'cancel') return { kind: 'cancelled' };
  if (left === 0) return { kind: 'done' };
  if (crashes > maxCrashes) return { kind: 'failed' };
  return { kind: 'restart', skipFirst: crashes >= 2 };
}

/** Worker ends in a row without a new result, per job. */
export class CrashCounts {
  private readonly counts = new Map<number, number>();

  /** New results arrived: the worker is making headway. */
  reset(runId: number): void {
    this.counts.set(runId, 0);
  }

  forget(runId: number): void {
    this.counts.delete(runId);
  }

  count(runId: number): number {
    return this.counts.get(runId) ?? 0;
  }

  /** The next step after a worker of this job ended; an end with work left counts as a crash. */
  after(runId: number, stopping: Stopping, left: number): NextStep {
    const crashes = stopping || left === 0 ? 0 : this.count(runId) + 1;
    if (crashes > 0) this.counts.set(runId, crashes);
    return nextStep(stopping, left, crashes);
  }
}
