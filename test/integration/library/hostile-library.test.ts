import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../electron/backend/server/http-server.ts';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeCard } from '../../support/make-card.ts';
import { heronMedia } from '../../support/shared.ts';
import { snapshotTree } from '../../support/snapshot-tree.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

/** A folder outside the library with files in it, whose every byte must stay as it is. */
function victim(): { dir: string; file: string; before: ReturnType<typeof snapshotTree> } {
  const dir = tempDir('camtrap-victim-');
  fs.writeFileSync(path.join(dir, 'precious.txt'), 'do not touch');
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'more.bin'), Buffer.from([1, 2, 3]));
  return { dir, file: path.join(dir, 'precious.txt'), before: snapshotTree(dir) };
}

async function closedLibrary(): Promise<{ t: ReturnType<typeof testBackend>; root: string }> {
  const t = testBackend();
  const root = path.join(tempDir(), 'library');
  await libraryWithDeployment(t, root);
  await t.must('library.close', {});
  return { t, root };
}

describe('a library folder from someone else (case 1)', () => {
  for (const own of ['.partial', '.thumbnails', 'media', '.maps', '.jobs']) {
    it(`is refused when its ${own} is a link, and nothing outside it is touched`, async () => {
      const { t, root } = await closedLibrary();
      const v = victim();
      fs.rmSync(path.join(root, own), { recursive: true, force: true });
      fs.symlinkSync(v.dir, path.join(root, own));
      const opened = await t.call('library.open', { path: root });
      expect(opened).toMatchObject({ ok: false, error: { code: 'unsafe-library', message: expect.stringMatching(new RegExp(`“${own.replace('.', '\\.')}” in it is a link`)) } });
      expect(snapshotTree(v.dir)).toEqual(v.before);
    });
  }

  it('never writes the import reserve through a link made while the library is open', async () => {
    const { t, root } = await closedLibrary();
    await t.must('library.open', { path: root });
    const v = victim();
    fs.symlinkSync(v.file, path.join(root, '.import-reserve'));
    const card = makeCard(path.join(tempDir(), 'card'), 2);
    const started = await t.call('ingest.start', { source: path.dirname(path.dirname(card[0] as string)).replace(/\/DCIM$/, ''), deploymentID: 'dep1' });
    expect(started.ok).toBe(false);
    expect(snapshotTree(v.dir)).toEqual(v.before);
    expect(fs.lstatSync(path.join(root, '.import-reserve')).isSymbolicLink()).toBe(true);
  });

  it('never makes deployment folders through a link inside media/', async () => {
    const { t, root } = await closedLibrary();
    await t.must('library.open', { path: root });
    const v = victim();
    fs.symlinkSync(v.dir, path.join(root, 'media', 'dep1'));
    const { summary } = await importAndWait(t, heronMedia(), 'dep1');
    expect(summary).toMatchObject({ state: 'failed', imported: 0, message: expect.stringMatching(/holds a link at media\/dep1; the app does not follow links .* The import stopped\./) });
    expect(snapshotTree(v.dir)).toEqual(v.before);
  });

  it('makes a new library only in an empty or a new folder', async () => {
    const t = testBackend();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.hidden'), 'x');
    expect(await t.call('library.create', { path: dir })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/not empty/) } });
    expect(fs.readdirSync(dir)).toEqual(['.hidden']);
  });
});

describe('paths in the library database (case 2)', () => {
  async function servedLibrary() {
    const t = testBackend();
    const root = path.join(tempDir(), 'library');
    await libraryWithDeployment(t, root);
    await importAndWait(t, heronMedia(), 'dep1');
    const server = await startHttpServer(t.backend, { staticDir: tempDir(), internalSecret: 'secret' });
    const item = (await t.must('media.page', {})).items[0];
    if (!item) throw new Error('no media');
    const get = (url: string): Promise<Response> => fetch(`${server.url}${url}`, { headers: { Authorization: 'Bearer secret' } });
    return { t, root, server, item, get, db: t.backend.requireLibrary().db };
  }

  it('serves no file outside the library, whatever file_path says', async () => {
    const s = await servedLibrary();
    const outside = path.join(tempDir(), 'secret.txt');
    fs.writeFileSync(outside, 'secret');
    for (const bad of [path.relative(s.root, outside), outside, 'media/../../x', 'media\\..\\x']) {
      s.db.prepare('UPDATE media SET file_path = ? WHERE media_id = ?').run(bad, s.item.mediaID);
      const res = await s.get(`/media/file/${s.item.mediaID}`);
      expect(res.status, bad).toBe(404);
    }
    expect((await s.get(`/media/thumb/${s.item.mediaID}`)).status).toBe(404);
    await s.server.close();
  });

  it('writes no thumbnail outside the library, whatever sha256 says', async () => {
    const s = await servedLibrary();
    const v = victim();
    s.db.prepare('UPDATE media SET sha256 = ? WHERE media_id = ?').run(`../../../../..${v.dir}/x`, s.item.mediaID);
    expect((await s.get(`/media/thumb/${s.item.mediaID}`)).status).toBe(404);
    expect(snapshotTree(v.dir)).toEqual(v.before);
    await s.server.close();
  });

  it('reads no map file outside the library, whatever map_layers says', async () => {
    const s = await servedLibrary();
    s.db.prepare("INSERT INTO map_layers (layer_id, kind, name, file, format, min_zoom, max_zoom, created_at) VALUES ('abcd0123', 'tiles', 'x', '../../etc/passwd', 'png', 0, 1, 'now'), ('abcd0124', 'geojson', 'y', '/etc/passwd', 'geojson', 0, 1, 'now')").run();
    expect((await s.get('/media/tiles/abcd0123/0/0/0')).status).toBe(404);
    expect((await s.get('/media/overlay/abcd0124')).status).toBe(404);
    expect((await s.get('/')).status).not.toBe(500);
    await s.server.close();
  });

  it('keeps deployment IDs with .. or : in the data, and their files in a safe folder of media/', async () => {
    const t = testBackend();
    const root = path.join(tempDir(), 'library');
    await libraryWithDeployment(t, root, '..');
    await t.must('deployment.add', { deploymentID: 'a:b', locationID: 'loc1', deploymentStart: '2000-01-01T00:00:00Z', deploymentEnd: '2030-01-01T00:00:00Z' });
    const first = await importAndWait(t, heronMedia(), '..');
    expect(first.summary.imported).toBe(10);
    const card = makeCard(path.join(tempDir(), 'card'), 1);
    await importAndWait(t, path.resolve(card[0] as string, '../../..'), 'a:b');
    const paths = (t.backend.requireLibrary().db.prepare('SELECT deployment_id AS d, file_path AS f FROM media').all() as { d: string; f: string }[]);
    expect(new Set(paths.map((p) => p.d))).toEqual(new Set(['..', 'a:b']));
    for (const p of paths) {
      expect(p.f).toMatch(/^media\/(_|a_b)\//);
      expect(fs.existsSync(path.join(root, p.f))).toBe(true);
    }
    expect(fs.readdirSync(root).sort()).toEqual(['.partial', '.thumbnails', 'library.sqlite', 'library.sqlite-shm', 'library.sqlite-wal', 'media']);
  });
});

describe('names in another Unicode form (case 3)', () => {
  it('imports a card name in decomposed form (as macOS writes it) so that what is recorded exists, beside the composed one', async () => {
    const t = testBackend();
    const root = path.join(tempDir(), 'library');
    await libraryWithDeployment(t, root);
    const card = tempDir('camtrap-card-');
    const folder = path.join(card, 'DCIM', '100RECNX');
    fs.mkdirSync(folder, { recursive: true });
    const [a, b] = fs.readdirSync(heronMedia()).slice(0, 2);
    fs.copyFileSync(path.join(heronMedia(), a as string), path.join(folder, 'Héron.JPG'.normalize('NFD')));
    fs.copyFileSync(path.join(heronMedia(), b as string), path.join(folder, 'Héron.JPG'.normalize('NFC')));
    const { summary } = await importAndWait(t, card, 'dep1');
    expect(summary.imported).toBe(2);
    const files = (t.backend.requireLibrary().db.prepare('SELECT file_path AS f FROM media ORDER BY f').all() as { f: string }[]).map((r) => r.f);
    expect(files).toEqual(['media/dep1/DCIM/100RECNX/Héron (2).JPG', 'media/dep1/DCIM/100RECNX/Héron.JPG'].map((f) => f.normalize('NFC')));
    for (const f of files) expect(fs.existsSync(path.join(root, f))).toBe(true);
  });
});

describe('refusals that write nothing first (cases 9 and 10)', () => {
  it('refuses a newer library before creating a folder or switching its journal', async () => {
    const { t, root } = await closedLibrary();
    for (const own of ['.partial', '.thumbnails', 'media']) fs.rmSync(path.join(root, own), { recursive: true });
    const raw = new Database(path.join(root, 'library.sqlite'));
    raw.pragma('journal_mode = DELETE');
    raw.pragma('user_version = 99');
    raw.close();
    const before = snapshotTree(root);
    expect(await t.call('library.open', { path: root })).toMatchObject({ ok: false, error: { code: 'library-newer' } });
    expect(snapshotTree(root)).toEqual(before);
    expect(fs.readdirSync(root)).toEqual(['library.sqlite']);
  });

  it('calls a library.sqlite of random bytes not a library, in plain words', async () => {
    const t = testBackend();
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'library.sqlite'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const before = snapshotTree(root);
    expect(await t.call('library.open', { path: root })).toMatchObject({ ok: false, error: { code: 'not-a-library', message: expect.stringMatching(/damaged or not a database/) } });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('answers at once when a library cannot be made where it was asked (inside /proc)', async () => {
    const t = testBackend();
    const started = Date.now();
    const made = await t.call('library.create', { path: '/proc/camtrap-library' });
    expect(made).toMatchObject({ ok: false, error: { code: 'not-writable' } });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(spawnSync('true').status).toBe(0);
  });
});
