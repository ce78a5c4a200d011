import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../electron/backend/server/http-server.ts';
import { testBackend } from '../../support/backend.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeMbtiles } from '../../support/make-mbtiles.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

/** An MBTiles whose tiles are a view that never ends: any read of it spins. */
function slowMbtiles(file: string): void {
  const db = new Database(file);
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
    INSERT INTO metadata VALUES ('name', 'slow'), ('format', 'png');
    CREATE VIEW tiles AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
      SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, x AS tile_data FROM c WHERE x < 0;`);
  db.close();
}

async function libraryAt() {
  const t = testBackend();
  const root = path.join(tempDir(), 'library');
  await libraryWithDeployment(t, root);
  return { t, root, maps: path.join(root, '.maps') };
}

const mapsContent = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe('map files from outside (case 7)', () => {
  it('refuses an MBTiles whose tiles never finish reading, in bounded time, and answers other requests meanwhile', async () => {
    const { t, maps } = await libraryAt();
    const file = path.join(tempDir(), 'slow.mbtiles');
    slowMbtiles(file);
    const started = Date.now();
    const importing = t.call('map.importMbtiles', { file });
    const meanwhile = Date.now();
    expect(await t.call('library.recent', {})).toMatchObject({ ok: true });
    expect(Date.now() - meanwhile).toBeLessThan(1000);
    expect(await importing).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/takes too long to read/) } });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(mapsContent(maps)).toEqual([]);
    expect(await t.must('map.layers', {})).toEqual([]);
  }, 30_000);

  it('gives up on a tile after its time limit without blocking the server', async () => {
    const { t, root } = await libraryAt();
    fs.mkdirSync(path.join(root, '.maps'));
    slowMbtiles(path.join(root, '.maps', 'slow.mbtiles'));
    t.backend.requireLibrary().db.prepare("INSERT INTO map_layers (layer_id, kind, name, file, format, min_zoom, max_zoom, created_at) VALUES ('5104ab1e', 'tiles', 'slow', '.maps/slow.mbtiles', 'png', 0, 1, 'now')").run();
    const server = await startHttpServer(t.backend, { staticDir: tempDir(), internalSecret: 's' });
    const get = (url: string): Promise<Response> => fetch(`${server.url}${url}`, { headers: { Authorization: 'Bearer s' } });
    const started = Date.now();
    const tile = get('/media/tiles/5104ab1e/0/0/0');
    await new Promise((r) => setTimeout(r, 200));
    const other = Date.now();
    expect((await get('/media/thumb/0000000000000000')).status).toBe(404);
    expect(Date.now() - other).toBeLessThan(1000);
    expect((await tile).status).toBe(404);
    expect(Date.now() - started).toBeLessThan(8000);
    await server.close();
  }, 30_000);

  it('refuses bad metadata in plain words and leaves nothing behind', async () => {
    const { t, maps } = await libraryAt();
    const file = path.join(tempDir(), 'bad.mbtiles');
    await makeMbtiles(file, 50.7, 4.0, 12);
    const db = new Database(file);
    db.prepare("UPDATE metadata SET value = 'abc' WHERE name = 'minzoom'").run();
    db.close();
    expect(await t.call('map.importMbtiles', { file })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/unreadable metadata \(minzoom/) } });
    expect(mapsContent(maps)).toEqual([]);
    expect(await t.must('map.layers', {})).toEqual([]);
    const nullBounds = path.join(tempDir(), 'null-bounds.mbtiles');
    await makeMbtiles(nullBounds, 50.7, 4.0, 12);
    const db2 = new Database(nullBounds);
    db2.prepare("UPDATE metadata SET value = NULL WHERE name = 'bounds'").run();
    db2.close();
    expect(await t.must('map.importMbtiles', { file: nullBounds })).toMatchObject({ bounds: null, minZoom: 12 });
  });

  it('refuses a GeoJSON over the size limit at once, before reading it', async () => {
    const { t, maps } = await libraryAt();
    const file = path.join(tempDir(), 'huge.geojson');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, 200 * 1024 * 1024);
    fs.closeSync(fd);
    const started = Date.now();
    expect(await t.call('map.importGeojson', { file })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/larger than 50 MB/) } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(mapsContent(maps)).toEqual([]);
  });
});
