import { describe, expect, it } from 'vitest';
import { StationError } from '../../../electron/backend/rpc/envelope.ts';
import type { TaskInfo } from '../../../electron/backend/tasks/contract.ts';
import { saidBy, TaskRegistry } from '../../../electron/backend/tasks/task-registry.ts';

describe('the task registry: one shape for all long work', () => {
  it('reports start, progress, pause and end of a task as updates of one shape', () => {
    const updates: TaskInfo[] = [];
    const tasks = new TaskRegistry((t) => updates.push(t), () => new Date('2026-01-01T00:00:00Z'));
    const task = tasks.start({ kind: 'detection', ref: 7, unit: 'images', total: 10 });
    task.progress({ done: 4, perSecond: 2, secondsLeft: 3 });
    task.setState('paused');
    task.setState('running');
    task.end('done');
    task.progress({ done: 9 });
    expect(updates.map((u) => [u.state, u.done, u.secondsLeft])).toEqual([
      ['running', 0, null],
      ['running', 4, 3],
      ['paused', 4, null],
      ['running', 4, null],
      ['done', 4, null],
    ]);
    expect(tasks.list()).toEqual([expect.objectContaining({ id: 'detection:7', kind: 'detection', ref: '7', total: 10, startedAt: '2026-01-01T00:00:00.000Z' })]);
  });

  it('cancels through the work that owns the task, and refuses what cannot be cancelled', () => {
    const tasks = new TaskRegistry(() => undefined);
    let cancelled = 0;
    const task = tasks.start({ kind: 'import', ref: 1, unit: 'files', cancel: () => (cancelled += 1) });
    tasks.start({ kind: 'image-load', ref: 1, unit: 'bytes' });
    tasks.cancel('import:1');
    expect(cancelled).toBe(1);
    expect(() => tasks.cancel('image-load:1')).toThrow(/cannot be cancelled/);
    expect(() => tasks.cancel('import:99')).toThrow(/no task/);
    task.end('cancelled', 'Stopped by you.');
    expect(() => tasks.cancel('import:1')).toThrow(/cannot be cancelled/);
    expect(tasks.get('import:1')).toMatchObject({ state: 'cancelled', message: 'Stopped by you.', cancellable: false });
  });

  it('ends with a message as keys, in English beside them; an error without a key keeps its text alone', () => {
    const tasks = new TaskRegistry(() => undefined);
    tasks.start({ kind: 'detection', ref: 1, unit: 'images' }).end('cancelled', [{ key: 'job-cancelled' }]);
    expect(tasks.get('detection:1')).toMatchObject({ state: 'cancelled', message: 'Cancelled. Results so far are kept.', says: [{ key: 'job-cancelled' }] });
    tasks.start({ kind: 'image-load', ref: 1, unit: 'bytes' }).end('failed', saidBy(new StationError('not-found', 'no-bundled-image')));
    expect(tasks.get('image-load:1')).toMatchObject({ state: 'failed', message: expect.stringMatching(/^No worker image file was found/), says: [{ key: 'no-bundled-image' }] });
    tasks.start({ kind: 'image-load', ref: 2, unit: 'bytes' }).end('failed', saidBy(new Error('socket hang up')));
    expect(tasks.get('image-load:2')).toEqual(expect.objectContaining({ message: 'socket hang up' }));
    expect(tasks.get('image-load:2').says).toBeUndefined();
  });

  it('keeps a bounded number of ended tasks', () => {
    const tasks = new TaskRegistry(() => undefined);
    for (let i = 0; i < 50; i += 1) tasks.start({ kind: 'import', ref: i, unit: 'files' }).end('done');
    const running = tasks.start({ kind: 'detection', ref: 1, unit: 'images' });
    expect(tasks.list().length).toBeLessThanOrEqual(21);
    expect(tasks.get(running.id).state).toBe('running');
  });
});
