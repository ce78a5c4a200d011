import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('paths the user chose', () => {
  it('refuses a relative name instead of making a library inside the app folder', async () => {
    const t = testBackend();
    for (const relative of ['nd', './nd', '../nd', 'C:nd']) {
      expect(await t.call('library.create', { path: relative })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^Choose it with the folder browser/), says: { key: 'path-not-absolute' } } });
    }
    expect(await t.call('ingest.preview', { source: 'DCIM' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('map.importGeojson', { file: 'park.geojson' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses an impossible place with a message, and takes an absolute one', async () => {
    const t = testBackend();
    expect(await t.call('library.create', { path: '/proc/1/camtrap' })).toMatchObject({ ok: false, error: { code: 'not-writable', message: expect.stringMatching(/Cannot create the folder/) } });
    expect(await t.call('library.create', { path: path.join(tempDir(), 'no', 'such', 'parent') })).toMatchObject({ ok: false, error: { code: 'not-writable', message: expect.stringMatching(/the folder it would go in does not exist/) } });
    expect(await t.call('library.create', { path: path.join(tempDir(), 'library') })).toMatchObject({ ok: true });
  });
});
