import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MapLayer } from './contract.ts';
import type { Db } from '../library/db.ts';
import { nowIso } from '../library/ids.ts';
import type { Library } from '../library/open-library.ts';
import { StationError } from '../rpc/envelope.ts';
import { libraryFile } from '../safe-fs/inside-root.ts';
import { mkdirNoFollow } from '../safe-fs/no-follow.ts';

function readMetadata(file: string): Record<string, string> {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new StationError('invalid-input', `${path.basename(file)} cannot be opened as an MBTiles file (${(err as Error).message}).`);
  }
  try {
    const hasTiles = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'tiles'").get();
    if (!hasTiles) throw new StationError('invalid-input', `${path.basename(file)} has no tiles table: it is not an MBTiles file.`);
    const rows = db.prepare("SELECT name, value FROM metadata").all() as { name: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  } catch (err) {
    if (err instanceof StationError) throw err;
    throw new StationError('invalid-input', `${path.basename(file)} is not an MBTiles file (${(err as Error).message}).`);
  } finally {
    db.close();
  }
}

/** Copies a map file into the library's .maps folder under a new id, whole or not at all. */
function copyIntoLibrary(library: Library, file: string, extension: string): { id: string; target: string } {
  const id = crypto.randomBytes(4).toString('hex');
  const dir = library.paths.maps;
  mkdirNoFollow(library.paths.root, dir);
  const target = path.join(dir, `${id}.${extension}`);
  fs.copyFileSync(file, `${target}.part`);
  fs.renameSync(`${target}.part`, target);
  return { id, target };
}

/** Copies an MBTiles file (raster tiles of the study area made elsewhere) into the library's .maps folder. */
export function importMbtiles(library: Library, file: string): MapLayer {
  if (!fs.existsSync(file)) throw new StationError('not-found', `There is no file ${file}.`);
  const meta = readMetadata(file);
  const format = (meta.format ?? 'png').toLowerCase().replace('jpeg', 'jpg');
  if (!['png', 'jpg', 'webp'].includes(format)) throw new StationError('invalid-input', `The tiles in ${path.basename(file)} are ${format}: only raster tiles (png, jpg, webp) can be drawn.`);
  const { id, target } = copyIntoLibrary(library, file, 'mbtiles');
  const layer: MapLayer = {
    layerId: id,
    name: meta.name ?? path.basename(file, '.mbtiles'),
    format: format as MapLayer['format'],
    minZoom: Number(meta.minzoom ?? 0),
    maxZoom: Number(meta.maxzoom ?? 18),
    bounds: meta.bounds ? (meta.bounds.split(',').map(Number) as MapLayer['bounds']) : null,
    kind: 'tiles',
  };
  library.db
    .prepare("INSERT INTO map_layers (layer_id, kind, name, file, format, min_zoom, max_zoom, bounds, created_at) VALUES (?, 'tiles', ?, ?, ?, ?, ?, ?, ?)")
    .run(id, layer.name, path.relative(library.paths.root, target), layer.format, layer.minZoom, layer.maxZoom, layer.bounds ? JSON.stringify(layer.bounds) : null, nowIso());
  return layer;
}

export function listLayers(db: Db): MapLayer[] {
  return (
    db.prepare('SELECT layer_id AS layerId, kind, name, format, min_zoom AS minZoom, max_zoom AS maxZoom, bounds FROM map_layers ORDER BY created_at').all() as (Omit<MapLayer, 'bounds'> & { bounds: string | null })[]
  ).map((l) => ({ ...l, bounds: l.bounds ? (JSON.parse(l.bounds) as MapLayer['bounds']) : null }));
}

const open = new Map<string, Database.Database>();

/** One tile by XYZ address; MBTiles rows count from the bottom (TMS), so y is flipped. */
export function readTile(library: Library, layerId: string, z: number, x: number, y: number): { data: Buffer; format: string } | null {
  const layer = library.db.prepare("SELECT file, format FROM map_layers WHERE layer_id = ? AND kind = 'tiles'").get(layerId) as { file: string; format: string } | undefined;
  if (!layer) return null;
  const file = libraryFile(library.paths.root, layer.file);
  let db = open.get(file);
  if (!db) {
    db = new Database(file, { readonly: true, fileMustExist: true });
    open.set(file, db);
  }
  const row = db.prepare('SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').get(z, x, 2 ** z - 1 - y) as { data: Buffer } | undefined;
  return row ? { data: row.data, format: layer.format } : null;
}

/**
 * A GeoJSON overlay (a park boundary, transects) copied into the library; it must parse and be a
 * Feature or FeatureCollection with WGS84 coordinates, as GeoJSON is.
 */
export function importGeojson(library: Library, file: string): MapLayer {
  if (!fs.existsSync(file)) throw new StationError('not-found', `There is no file ${file}.`);
  let geo: { type?: string; features?: unknown[] };
  try {
    geo = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof geo;
  } catch (err) {
    throw new StationError('invalid-input', `${path.basename(file)} is not valid JSON (${(err as Error).message}).`);
  }
  if (geo.type !== 'FeatureCollection' && geo.type !== 'Feature') throw new StationError('invalid-input', `${path.basename(file)} is JSON but not GeoJSON: it holds no Feature or FeatureCollection.`);
  const { id, target } = copyIntoLibrary(library, file, 'geojson');
  const layer: MapLayer = { layerId: id, name: path.basename(file).replace(/\.(geo)?json$/i, ''), format: 'geojson', minZoom: 0, maxZoom: 22, bounds: null, kind: 'geojson' };
  library.db
    .prepare("INSERT INTO map_layers (layer_id, kind, name, file, format, min_zoom, max_zoom, created_at) VALUES (?, 'geojson', ?, ?, 'geojson', 0, 22, ?)")
    .run(id, layer.name, path.relative(library.paths.root, target), nowIso());
  return layer;
}

export function overlayFile(library: Library, layerId: string): string | null {
  const row = library.db.prepare("SELECT file FROM map_layers WHERE layer_id = ? AND kind = 'geojson'").get(layerId) as { file: string } | undefined;
  return row ? libraryFile(library.paths.root, row.file) : null;
}
