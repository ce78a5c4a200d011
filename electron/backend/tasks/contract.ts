import { z } from 'zod';
import { event, method } from '../rpc/define.ts';
import type { Says } from '../rpc/messages.ts';

/** Every kind of long work the backend does; exports and classification join this list. */
export type TaskKind = 'import' | 'detection' | 'image-load' | 'package-import' | 'export';
export type TaskState = 'running' | 'paused' | 'done' | 'failed' | 'cancelled';
export type TaskUnit = 'files' | 'images' | 'bytes';

/** One shape for all long work, so the UI and the CLI follow tasks, not one kind of progress each. */
export interface TaskInfo {
  /** `kind:ref`, unique in this backend. */
  id: string;
  kind: TaskKind;
  /** The id of the work in its own domain: an import id, a detection job's run id, a file name. */
  ref: string;
  state: TaskState;
  done: number;
  total: number | null;
  unit: TaskUnit;
  perSecond: number | null;
  secondsLeft: number | null;
  /** What a person should know when it ended (why it failed, where it stopped). */
  message: string | null;
  /** The message as message keys, to show in the user's language; absent when the message came without keys. */
  says?: Says[];
  cancellable: boolean;
  startedAt: string;
}

export const taskMethods = {
  'tasks.list': method<TaskInfo[]>()(z.object({})),
  'tasks.cancel': method<TaskInfo>()(z.object({ id: z.string().min(1).max(200) })),
} as const;

export const taskEvents = {
  'task.updated': event<TaskInfo>(),
} as const;
