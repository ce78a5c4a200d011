import type { taskMethods } from './contract.ts';
import type { TaskRegistry } from './task-registry.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface TaskContext {
  tasks: Pick<TaskRegistry, 'list' | 'cancel'>;
}

export const taskHandlers: DomainHandlers<typeof taskMethods, TaskContext> = {
  'tasks.list': (_input, { tasks }) => tasks.list(),
  'tasks.cancel': ({ id }, { tasks }) => tasks.cancel(id),
};
