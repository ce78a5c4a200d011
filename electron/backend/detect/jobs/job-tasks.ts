import type { Says } from '../../rpc/messages.ts';
import type { TaskHandle, TaskStart } from '../../tasks/task-registry.ts';
import type { JobProgress } from '../contract.ts';
import type { JobRow } from './job-store.ts';

/** Each running job as a task of the backend's one task model. */
export class JobTasks {
  private readonly tasks = new Map<number, TaskHandle>();

  constructor(private readonly startTask: (spec: TaskStart) => TaskHandle) {}

  begin(job: Pick<JobRow, 'runId' | 'total' | 'done'>, cancel: () => void): void {
    this.tasks.set(job.runId, this.startTask({ kind: 'detection', ref: job.runId, unit: 'images', total: job.total, done: job.done, cancel }));
  }

  progress(p: JobProgress): void {
    this.tasks.get(p.runId)?.progress({ done: p.done, total: p.total, perSecond: p.imagesPerSecond, secondsLeft: p.secondsLeft });
  }

  paused(runId: number): void {
    this.tasks.get(runId)?.setState('paused');
  }

  end(runId: number, state: 'done' | 'cancelled' | 'failed', message: Says[] | string | null): void {
    this.tasks.get(runId)?.end(state, message);
    this.tasks.delete(runId);
  }
}
