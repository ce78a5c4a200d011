import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportProgress, ImportSummary } from '../../../electron/backend/ingest/contract.ts';
import { Imports } from '../../../electron/backend/ingest/imports.ts';
import type { TaskInfo } from '../../../electron/backend/tasks/contract.ts';
import { TaskRegistry } from '../../../electron/backend/tasks/task-registry.ts';
import { syntheticLibrary } from '../../support/synthetic-library.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

function card(): string {
  const dir = tempDir('camtrap-card-');
  fs.mkdirSync(path.join(dir, 'DCIM'));
  fs.writeFileSync(path.join(dir, 'DCIM', 'IMG_0001.JPG'), 'x');
  return dir;
}

const summary = (importId: number, state: ImportSummary['state']): ImportSummary => ({ importId, deploymentID: 'dep1', source: '/card', state, message: null, imported: 1, duplicates: 0, failed: [], notImported: [], warnings: [] });

function build(run: (onProgress: (p: ImportProgress) => void) => Promise<ImportSummary>) {
  const library = syntheticLibrary(0);
  const events: string[] = [];
  const tasks: TaskInfo[] = [];
  const registry = new TaskRegistry((t) => tasks.push(t));
  let cancelled = 0;
  const imports = new Imports({
    library: { current: () => library, require: () => library },
    emit: (...args) => events.push(args[0]),
    logger: { info: () => undefined, error: () => 'E-ABC123' },
    startTask: (spec) => registry.start(spec),
    createRun: (_lib, _scan, _dep, options) => ({ importId: 9, run: () => run((p) => options?.onProgress?.(p)), cancel: () => (cancelled += 1) }),
  });
  return { imports, events, tasks, registry, library, cancelled: () => cancelled };
}

describe('the imports service, built alone with a fake import run', () => {
  it('starts an import in the background, follows it as a task and as events, and forgets it when it ends', async () => {
    let finish: (s: ImportSummary) => void = () => undefined;
    const t = build((onProgress) => {
      onProgress({ importId: 9, filesDone: 1, filesTotal: 1, bytesDone: 1, bytesTotal: 1, bytesPerSecond: 1, secondsLeft: 0, imported: 1, duplicates: 0, failed: 0 });
      return new Promise((resolve) => (finish = resolve));
    });
    expect(await t.imports.start(card(), 'dep1')).toBe(9);
    expect(t.imports.busy).toBe(true);
    t.registry.cancel('import:9');
    expect(t.cancelled()).toBe(1);
    finish(summary(9, 'cancelled'));
    await new Promise((r) => setTimeout(r, 10));
    expect(t.imports.busy).toBe(false);
    expect(t.events).toEqual(['ingest.progress', 'ingest.finished']);
    expect(t.tasks.at(-1)).toMatchObject({ id: 'import:9', state: 'cancelled', done: 1, total: 1 });
    expect(() => t.imports.cancel(9)).toThrow(/not running/);
    t.library.close();
  });

  it('still announces the end of an import that crashed, with the log reference', async () => {
    const t = build(() => Promise.reject(new Error('boom')));
    const ended = new Promise<void>((resolve) => {
      const check = (): void => (t.events.includes('ingest.finished') ? resolve() : void setTimeout(check, 5));
      check();
    });
    await t.imports.start(card(), 'dep1');
    await ended;
    expect(t.tasks.at(-1)).toMatchObject({ state: 'failed', message: expect.stringMatching(/stopped unexpectedly \(E-ABC123\)/), says: [{ key: 'import-crashed', values: { ref: 'E-ABC123' } }] });
    t.library.close();
  });
});
