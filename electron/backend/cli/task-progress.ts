import type { Output } from './output.ts';
import type { Backend } from '../app/backend.ts';
import { formatBytes } from '../ingest/contract.ts';
import type { TaskInfo } from '../tasks/contract.ts';

function amount(task: TaskInfo, n: number): string {
  return task.unit === 'bytes' ? formatBytes(n) : String(n);
}

/** One line for a running task, the same for every kind of long work. */
export function describeTask(task: TaskInfo): string {
  const total = task.total === null ? '' : ` of ${amount(task, task.total)}`;
  const unit = task.unit === 'bytes' ? '' : ` ${task.unit}`;
  const rate = task.perSecond ? `, ${task.unit === 'bytes' ? `${formatBytes(task.perSecond)}/s` : `${Math.round(task.perSecond * 100) / 100} ${task.unit}/s`}` : '';
  const left = task.secondsLeft === null ? '' : `, about ${task.secondsLeft} s left`;
  return `${amount(task, task.done)}${total}${unit}${rate}${left}`;
}

/** Prints the progress of the tasks of one kind, at most once a second; returns the unsubscribe function. */
export function printTaskProgress(backend: Pick<Backend, 'on'>, kind: TaskInfo['kind'], out: Output): () => void {
  let lastLine = 0;
  return backend.on('task.updated', (task) => {
    if (task.kind !== kind || task.state !== 'running' || Date.now() - lastLine <= 1000) return;
    lastLine = Date.now();
    out.progress(describeTask(task));
  });
}
