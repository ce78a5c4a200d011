import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibrarySession } from '../../../electron/backend/library/library-session.ts';
import { StationError } from '../../../electron/backend/rpc/envelope.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

function recordingHooks(busy = false) {
  const calls: string[] = [];
  return {
    calls,
    hooks: {
      assertCanSwitch: () => {
        if (busy) throw new StationError('busy', 'An import is running.');
      },
      beforeClose: (l: { paths: { root: string } }) => calls.push(`close ${path.basename(l.paths.root)}`),
      afterOpen: (l: { paths: { root: string } }, created: boolean) => calls.push(`${created ? 'create' : 'open'} ${path.basename(l.paths.root)}`),
    },
  };
}

describe('the library session', () => {
  it('holds one library at a time and tells the rest of the backend around each switch', () => {
    const dir = tempDir('camtrap-session-');
    const { calls, hooks } = recordingHooks();
    const session = new LibrarySession(hooks);
    expect(session.current()).toBeNull();
    expect(() => session.require()).toThrow(/No library is open/);
    session.open(path.join(dir, 'a'), true);
    session.open(path.join(dir, 'b'), true);
    expect(session.require().paths.root).toBe(path.join(dir, 'b'));
    session.close();
    session.close();
    expect(calls).toEqual(['create a', 'close a', 'create b', 'close b']);
    expect(session.current()).toBeNull();
  });

  it('leaves the open library as it is when a switch must wait or the other folder is no library', () => {
    const dir = tempDir('camtrap-session-');
    const first = recordingHooks();
    const session = new LibrarySession(first.hooks);
    const a = session.open(path.join(dir, 'a'), true);
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(() => session.open(path.join(dir, 'empty'), false)).toThrow(/not a Camtrap Station library/);
    expect(session.current()).toBe(a);
    const busy = new LibrarySession(recordingHooks(true).hooks);
    expect(() => busy.open(path.join(dir, 'a'), false)).toThrow(/import is running/);
    session.close();
  });
});
