import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { LoadProgress, WorkerImageInfo } from '../../../electron/backend/engine/contract.ts';
import { Engine, type EngineStatusWithDocker } from '../../../electron/backend/engine/engine.ts';
import { StationError } from '../../../electron/backend/rpc/envelope.ts';
import type { TaskInfo } from '../../../electron/backend/tasks/contract.ts';
import { TaskRegistry } from '../../../electron/backend/tasks/task-registry.ts';

const image: WorkerImageInfo = { tag: 'camtrap-worker:test', loaded: false, tarball: '/resources/image/worker.tar.gz', sha256: null, bytes: null };
const fakeDocker = {} as Docker;

function status(docker: Docker | null): EngineStatusWithDocker {
  const state = docker ? 'running-no-gpu' : 'not-running';
  return { state, advice: docker ? 'runs' : 'Docker is installed but not running.', says: { key: `engine-${state}` }, socket: null, engine: null, version: null, runtimes: [], gpus: 0, image, docker };
}

function build(docker: Docker | null, load: (file: string, onProgress: (p: LoadProgress) => void) => Promise<WorkerImageInfo>) {
  const events: LoadProgress[] = [];
  const tasks: TaskInfo[] = [];
  const registry = new TaskRegistry((t) => tasks.push(t));
  const engine = new Engine({
    logger: { info: () => undefined },
    emit: (_name, p) => events.push(p),
    startTask: (spec) => registry.start(spec),
    status: () => Promise.resolve(status(docker)),
    load: (_d, file, onProgress) => load(file, onProgress),
    bundled: () => '/resources/image/worker.tar.gz',
  });
  return { engine, events, tasks };
}

describe('the engine service', () => {
  it('loads the bundled worker image as a task, with its progress as events', async () => {
    const { engine, events, tasks } = build(fakeDocker, async (file, onProgress) => {
      expect(file).toBe('/resources/image/worker.tar.gz');
      onProgress({ phase: 'checking', bytesDone: 5, bytesTotal: 10, detail: '', says: { key: 'image-load-checking' } });
      onProgress({ phase: 'done', bytesDone: 10, bytesTotal: 10, detail: '', says: { key: 'image-load-done', values: { tag: image.tag } } });
      return { ...image, loaded: true };
    });
    expect(await engine.loadImage()).toMatchObject({ loaded: true });
    expect(events.map((e) => e.phase)).toEqual(['checking', 'done']);
    expect(tasks.map((t) => [t.kind, t.state, t.done])).toEqual([
      ['image-load', 'running', 0],
      ['image-load', 'running', 5],
      ['image-load', 'running', 10],
      ['image-load', 'done', 10],
    ]);
  });

  it('says in plain words when no engine answers, and marks a failed load on its task', async () => {
    const none = build(null, () => Promise.reject(new Error('not reached')));
    await expect(none.engine.loadImage()).rejects.toThrow(/not running/);
    const failing = build(fakeDocker, () => Promise.reject(new Error('The file does not match its checksum.')));
    await expect(failing.engine.loadImage('/usb/worker.tar.gz')).rejects.toThrow(/checksum/);
    expect(failing.tasks.at(-1)).toMatchObject({ state: 'failed', message: 'The file does not match its checksum.' });
    expect(failing.tasks.at(-1)?.says).toBeUndefined();
    const damaged = build(fakeDocker, () => Promise.reject(new StationError('bad-checksum', 'image-damaged', { file: 'worker.tar.gz', actual: 'abc', expected: 'def' })));
    await expect(damaged.engine.loadImage('/usb/worker.tar.gz')).rejects.toThrow(/damaged/);
    expect(damaged.tasks.at(-1)).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/^The image file worker\.tar\.gz is damaged/),
      says: [{ key: 'image-damaged', values: { file: 'worker.tar.gz', actual: 'abc', expected: 'def' } }],
    });
  });
});
