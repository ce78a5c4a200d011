import fs from 'node:fs';
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { FetchSource, PMTiles } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../electron/backend/server/http-server.ts';
import { testBackend } from '../../support/backend.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { tileOf } from '../../support/make-mbtiles.ts';
import { makePmtiles } from '../../support/make-pmtiles.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const [lat, lon] = [50.7, 4.0];

describe('a PMTiles basemap of the study area', () => {
  it('is checked, copied into the library, and served from it by byte ranges that the pmtiles reader draws from', async () => {
    const t = testBackend();
    const root = path.join(tempDir(), 'library');
    await libraryWithDeployment(t, root);
    const file = path.join(tempDir(), 'study-area.pmtiles');
    const bytes = makePmtiles(file, lat, lon);

    const layer = await t.must('map.importPmtiles', { file });
    expect(layer).toMatchObject({ name: 'Study area (test)', kind: 'pmtiles', format: 'mvt', minZoom: 0, maxZoom: 14, bounds: [3.7, 50.5, 4.3, 50.9] });
    expect(await t.must('map.layers', {})).toEqual([layer]);
    const copy = path.join(root, '.maps', `${layer.layerId}.pmtiles`);
    expect(fs.readFileSync(copy).equals(bytes)).toBe(true);
    fs.rmSync(file);

    const server = await startHttpServer(t.backend, { staticDir: tempDir(), internalSecret: 's' });
    const url = `${server.url}/media/pmtiles/${layer.layerId}`;
    const get = (range?: string) => fetch(url, { headers: { Authorization: 'Bearer s', ...(range ? { Range: range } : {}) } });
    try {
      const head = await get('bytes=0-126');
      expect(head.status).toBe(206);
      expect(head.headers.get('content-range')).toBe(`bytes 0-126/${bytes.length}`);
      expect(Buffer.from(await head.arrayBuffer()).equals(bytes.subarray(0, 127))).toBe(true);
      // A reader's first look asks for 16 KiB whatever the size; a range past the end gets the size back.
      const first = await get(`bytes=0-${bytes.length + 5000}`);
      expect([first.status, first.headers.get('content-length')]).toEqual([206, String(bytes.length)]);
      const past = await get(`bytes=${bytes.length}-`);
      expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${bytes.length}`]);
      const whole = await get();
      expect([whole.status, whole.headers.get('accept-ranges')]).toEqual([200, 'bytes']);
      await whole.arrayBuffer();
      expect((await fetch(`${server.url}/media/pmtiles/0000dead`, { headers: { Authorization: 'Bearer s' } })).status).toBe(404);
      expect((await fetch(url)).status).toBe(401);

      // The same reader the map uses: header, directory and a tile, all by range requests.
      const archive = new PMTiles(new FetchSource(url, new Headers({ Authorization: 'Bearer s' })));
      expect(await archive.getHeader()).toMatchObject({ specVersion: 3, tileType: 1, minZoom: 0, maxZoom: 14 });
      const { x, y } = tileOf(lat, lon, 12);
      const tile = await archive.getZxy(12, x, y);
      const layers = new VectorTile(new Pbf(new Uint8Array(tile?.data ?? new ArrayBuffer(0)))).layers;
      expect(Object.keys(layers).sort()).toEqual(['landuse', 'places', 'roads', 'water']);
      expect(layers.places?.feature(0).properties).toMatchObject({ kind: 'locality', name: 'Testville' });
      expect(layers.water?.feature(0).type).toBe(3);
      expect(await archive.getZxy(3, 0, 0)).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
