import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('the folder browser', () => {
  it('lists folders as a person reads them, hidden ones out of the way, and files only of the kinds asked for', async () => {
    const t = testBackend();
    const dir = tempDir();
    for (const d of ['Card 10', 'Card 9', '.hidden', 'alpha']) fs.mkdirSync(path.join(dir, d));
    for (const f of ['species.csv', 'notes.txt', 'area.MBTILES']) fs.writeFileSync(path.join(dir, f), 'x');
    const folders = await t.must('browse.list', { path: dir });
    expect(folders).toMatchObject({ path: dir, parent: path.dirname(dir), truncated: false });
    expect(folders.entries.map((e) => e.name)).toEqual(['alpha', 'Card 9', 'Card 10']);
    const withFiles = await t.must('browse.list', { path: dir, extensions: ['.csv', '.mbtiles'] });
    expect(withFiles.entries.map((e) => `${e.kind}:${e.name}`)).toEqual(['folder:alpha', 'folder:Card 9', 'folder:Card 10', 'file:area.MBTILES', 'file:species.csv']);
  });

  it('leaves the system folders out at the top of the disk, and starts from home, cards and recent libraries', async () => {
    const t = testBackend();
    const top = await t.must('browse.list', { path: '/' });
    expect(top.parent).toBeNull();
    expect(top.entries.map((e) => e.name)).not.toContain('proc');
    expect(top.entries.map((e) => e.name)).not.toContain('usr');
    const library = path.join(tempDir(), 'library');
    await t.must('library.create', { path: library });
    const places = await t.must('browse.places', {});
    expect(places[0]?.kind).toBe('home');
    expect(places).toContainEqual({ kind: 'library', name: 'library', path: library });
    expect(places.at(-1)).toMatchObject({ kind: 'computer', path: '/' });
  });

  it('says in plain words what cannot be browsed', async () => {
    const t = testBackend();
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'x');
    expect(await t.call('browse.list', { path: file })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is a file, not a folder/) } });
    expect(await t.call('browse.list', { path: path.join(dir, 'gone') })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/does not exist/) } });
    expect(await t.call('browse.list', { path: 'relative' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
