import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { GeojsonFacts, MapReply, MapRequest, MbtilesFacts, PmtilesAnswer } from './map-protocol.ts';
import { checkPmtiles, PmtilesRefused } from './pmtiles-check.ts';

// Map files come from outside: an MBTiles is a SQLite file whose "tiles" may be a slow view, a
// PMTiles archive may point anywhere or unpack to gigabytes, a GeoJSON may be huge. All are read
// here, off the backend's event loop; the backend stops this thread when a request takes too
// long, and starts another.
const open = new Map<string, Database.Database>();

function database(file: string): Database.Database {
  let db = open.get(file);
  if (!db) {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    open.set(file, db);
  }
  return db;
}

function metadata(file: string): MbtilesFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'tiles'").get()) throw new Error('it has no tiles table, so it is not an MBTiles file');
    const rows = db.prepare('SELECT name, value FROM metadata LIMIT 1000').all() as { name: unknown; value: unknown }[];
    // One tile is read as a probe: a file whose tiles cannot be read in time is refused now, not on the map.
    db.prepare('SELECT zoom_level FROM tiles LIMIT 1').get();
    return { metadata: Object.fromEntries(rows.filter((r) => typeof r.name === 'string' && r.value !== null).map((r) => [r.name as string, String(r.value)])) };
  } finally {
    db.close();
  }
}

function tile(file: string, z: number, x: number, y: number): Buffer | null {
  const row = database(file).prepare('SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').get(z, x, y) as { data: unknown } | undefined;
  return row && Buffer.isBuffer(row.data) ? row.data : null;
}

function geojson(file: string): GeojsonFacts {
  const geo = JSON.parse(fs.readFileSync(file, 'utf8')) as { type?: unknown; features?: unknown };
  return { type: typeof geo.type === 'string' ? geo.type : '', features: Array.isArray(geo.features) ? geo.features.length : 0 };
}

function pmtiles(file: string): PmtilesAnswer {
  try {
    return { passed: true, facts: checkPmtiles(file) };
  } catch (err) {
    if (err instanceof PmtilesRefused) return { passed: false, problem: err.problem, detail: err.message };
    throw err;
  }
}

function answer(request: MapRequest): unknown {
  switch (request.op) {
    case 'tile':
      return tile(request.file, request.z, request.x, request.y);
    case 'metadata':
      return metadata(request.file);
    case 'geojson':
      return geojson(request.file);
    case 'pmtiles':
      return pmtiles(request.file);
  }
}

parentPort?.on('message', (request: MapRequest) => {
  let reply: MapReply;
  try {
    reply = { id: request.id, ok: true, value: answer(request) };
  } catch (err) {
    reply = { id: request.id, ok: false, message: (err as Error).message };
  }
  parentPort?.postMessage(reply);
});
