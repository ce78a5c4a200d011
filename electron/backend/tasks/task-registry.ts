import type { TaskInfo, TaskKind, TaskState, TaskUnit } from './contract.ts';
import { StationError } from '../rpc/envelope.ts';
import type { Says } from '../rpc/messages.ts';
import { englishOfAll } from '../rpc/stored-says.ts';

export interface TaskProgress {
  done: number;
  total?: number | null;
  perSecond?: number | null;
  secondsLeft?: number | null;
}

/** What the work that owns a task uses to report on it. */
export interface TaskHandle {
  readonly id: string;
  progress(p: TaskProgress): void;
  /** Running again after a pause, or paused: the task stays listed. */
  setState(state: 'running' | 'paused'): void;
  /** With what a person should know: as message keys, or as text where the message came without keys. */
  end(state: Exclude<TaskState, 'running' | 'paused'>, message?: Says[] | string | null): void;
}

/** How an error that ended a task is told: as its key when it came with one. */
export function saidBy(err: unknown): Says[] | string {
  if (err instanceof StationError && err.says) return [err.says];
  return err instanceof Error ? err.message : String(err);
}

function ending(message: Says[] | string | null): Pick<TaskInfo, 'message' | 'says'> {
  if (typeof message === 'string' || message === null) return { message };
  return { message: englishOfAll(message), says: message };
}

export interface TaskStart {
  kind: TaskKind;
  ref: string | number;
  unit: TaskUnit;
  total?: number | null;
  done?: number;
  /** Absent for work that cannot be stopped half-way. */
  cancel?: () => void;
}

/** Ended tasks stay listed a while so a view opened late still sees how they ended. */
const keepEnded = 20;

/** The registry of long work: every import, detection job and image load is a task of one shape. */
export class TaskRegistry {
  private readonly tasks = new Map<string, { info: TaskInfo; cancel: (() => void) | undefined }>();

  constructor(
    private readonly onUpdate: (task: TaskInfo) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(spec: TaskStart): TaskHandle {
    const id = `${spec.kind}:${spec.ref}`;
    const info: TaskInfo = {
      id,
      kind: spec.kind,
      ref: String(spec.ref),
      state: 'running',
      done: spec.done ?? 0,
      total: spec.total ?? null,
      unit: spec.unit,
      perSecond: null,
      secondsLeft: null,
      message: null,
      cancellable: spec.cancel !== undefined,
      startedAt: this.now().toISOString(),
    };
    this.tasks.set(id, { info, cancel: spec.cancel });
    this.prune();
    this.onUpdate({ ...info });
    const update = (change: Partial<TaskInfo>): void => {
      const entry = this.tasks.get(id);
      if (!entry || entry.info.state === 'done' || entry.info.state === 'failed' || entry.info.state === 'cancelled') return;
      entry.info = { ...entry.info, ...change };
      this.onUpdate({ ...entry.info });
    };
    return {
      id,
      progress: ({ done, total, perSecond, secondsLeft }) =>
        update({ done, ...(total !== undefined ? { total } : {}), perSecond: perSecond ?? null, secondsLeft: secondsLeft ?? null }),
      setState: (state) => update({ state, ...(state === 'paused' ? { perSecond: null, secondsLeft: null } : {}) }),
      end: (state, message = null) => update({ state, ...ending(message), cancellable: false, perSecond: null, secondsLeft: null }),
    };
  }

  list(): TaskInfo[] {
    return [...this.tasks.values()].map((t) => ({ ...t.info })).reverse();
  }

  get(id: string): TaskInfo {
    const entry = this.tasks.get(id);
    if (!entry) throw new StationError('not-found', 'task-not-found', { task: id });
    return { ...entry.info };
  }

  cancel(id: string): TaskInfo {
    const entry = this.tasks.get(id);
    if (!entry) throw new StationError('not-found', 'task-not-found', { task: id });
    if (entry.info.state !== 'running' && entry.info.state !== 'paused') throw new StationError('conflict', 'task-already-ended', { task: id });
    if (!entry.cancel) throw new StationError('conflict', 'task-not-cancellable', { task: id });
    entry.cancel();
    return this.get(id);
  }

  private prune(): void {
    const ended = [...this.tasks.values()].filter((t) => t.info.state !== 'running' && t.info.state !== 'paused');
    for (const t of ended.slice(0, Math.max(0, ended.length - keepEnded))) this.tasks.delete(t.info.id);
  }
}
