import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MapLayer } from '../contract.ts';
import { MapReadTimeout, type MapReader } from './map-reader.ts';
import type { Db } from '../../library/db.ts';
import { nowIso } from '../../library/ids.ts';
import type { Library } from '../../library/open-library.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { MessageKey } from '../../rpc/messages.ts';
import { libraryFile } from '../../safe-fs/inside-root.ts';
import { mkdirNoFollow } from '../../safe-fs/no-follow.ts';

/** Metadata as MBTiles 1.3 writes it, all text; what cannot be read as such is refused. */
const zoom = z.coerce.number().int().min(0).max(24);
const metadataSchema = z.object({
  name: z.string().max(200).optional(),
  format: z.string().max(20).optional(),
  minzoom: zoom.optional(),
  maxzoom: zoom.optional(),
  bounds: z
    .string()
    .transform((b) => b.split(',').map((v) => Number(v.trim())))
    .refine((b) => b.length === 4 && b.every(Number.isFinite) && Math.abs(b[0] ?? 0) <= 180 && Math.abs(b[2] ?? 0) <= 180 && Math.abs(b[1] ?? 0) <= 90 && Math.abs(b[3] ?? 0) <= 90, 'four numbers: west, south, east, north')
    .optional(),
});

/** Largest GeoJSON overlay taken: a study area's boundaries and transects are far smaller. */
export const maxGeojsonBytes = 50 * 1024 * 1024;

async function check<T>(read: () => Promise<T>, file: string, unreadable: MessageKey): Promise<T> {
  try {
    return await read();
  } catch (err) {
    const said = { file: path.basename(file), detail: (err as Error).message };
    throw new StationError('invalid-input', err instanceof MapReadTimeout ? 'map-file-too-slow' : unreadable, said);
  }
}

/** Copies a map file into the library's .maps folder under a new id and records it, whole or not at all. */
function addToLibrary(library: Library, file: string, extension: string, record: (id: string, relative: string) => void): string {
  const id = crypto.randomBytes(4).toString('hex');
  const dir = library.paths.maps;
  mkdirNoFollow(library.paths.root, dir);
  const target = path.join(dir, `${id}.${extension}`);
  try {
    fs.copyFileSync(file, `${target}.part`);
    fs.renameSync(`${target}.part`, target);
    record(id, path.relative(library.paths.root, target).split(path.sep).join('/'));
  } catch (err) {
    fs.rmSync(`${target}.part`, { force: true });
    fs.rmSync(target, { force: true });
    throw err;
  }
  return id;
}

/** Adds an MBTiles file (raster tiles of the study area made elsewhere), checked off the event loop first. */
export async function importMbtiles(library: Library, reader: MapReader, file: string): Promise<MapLayer> {
  if (!fs.existsSync(file)) throw new StationError('not-found', 'file-gone', { path: file });
  const facts = await check(() => reader.mbtiles(file), file, 'map-not-mbtiles');
  const parsed = metadataSchema.safeParse(facts.metadata);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StationError('invalid-input', 'map-metadata-unreadable', { file: path.basename(file), detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' });
  }
  const meta = parsed.data;
  const format = (meta.format ?? 'png').toLowerCase().replace('jpeg', 'jpg');
  if (!['png', 'jpg', 'webp'].includes(format)) throw new StationError('invalid-input', 'map-tiles-not-raster', { file: path.basename(file), format });
  const layer: Omit<MapLayer, 'layerId'> = {
    name: meta.name ?? path.basename(file, '.mbtiles'),
    format: format as MapLayer['format'],
    minZoom: meta.minzoom ?? 0,
    maxZoom: meta.maxzoom ?? 18,
    bounds: (meta.bounds as MapLayer['bounds']) ?? null,
    kind: 'tiles',
  };
  const layerId = addToLibrary(library, file, 'mbtiles', (id, relative) =>
    library.db
      .prepare("INSERT INTO map_layers (layer_id, kind, name, file, format, min_zoom, max_zoom, bounds, created_at) VALUES (?, 'tiles', ?, ?, ?, ?, ?, ?, ?)")
      .run(id, layer.name, relative, layer.format, layer.minZoom, layer.maxZoom, layer.bounds ? JSON.stringify(layer.bounds) : null, nowIso()),
  );
  return { layerId, ...layer };
}

export function listLayers(db: Db): MapLayer[] {
  return (
    db.prepare('SELECT layer_id AS layerId, kind, name, format, min_zoom AS minZoom, max_zoom AS maxZoom, bounds FROM map_layers ORDER BY created_at').all() as (Omit<MapLayer, 'bounds'> & { bounds: string | null })[]
  ).map((l) => ({ ...l, bounds: l.bounds ? (JSON.parse(l.bounds) as MapLayer['bounds']) : null }));
}

/** One tile by XYZ address, read in the map worker with a time limit; MBTiles rows count from the bottom (TMS), so y is flipped. */
export async function readTile(library: Library, reader: MapReader, layerId: string, z: number, x: number, y: number): Promise<{ data: Buffer; format: string } | null> {
  const layer = library.db.prepare("SELECT file, format FROM map_layers WHERE layer_id = ? AND kind = 'tiles'").get(layerId) as { file: string; format: string } | undefined;
  if (!layer || z > 30 || x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z) return null;
  const data = await reader.tile(libraryFile(library.paths.root, layer.file), z, x, 2 ** z - 1 - y).catch(() => null);
  return data ? { data, format: layer.format } : null;
}

/**
 * A GeoJSON overlay (a park boundary, transects) copied into the library; it must be of a
 * reasonable size, parse (in the map worker, off the event loop) and be a Feature or FeatureCollection.
 */
export async function importGeojson(library: Library, reader: MapReader, file: string): Promise<MapLayer> {
  if (!fs.existsSync(file)) throw new StationError('not-found', 'file-gone', { path: file });
  if (fs.statSync(file).size > maxGeojsonBytes) throw new StationError('invalid-input', 'geojson-too-big', { file: path.basename(file), megabytes: maxGeojsonBytes / 1024 / 1024 });
  const geo = await check(() => reader.geojson(file), file, 'map-not-json');
  if (geo.type !== 'FeatureCollection' && geo.type !== 'Feature') throw new StationError('invalid-input', 'geojson-not-geojson', { file: path.basename(file) });
  const name = path.basename(file).replace(/\.(geo)?json$/i, '');
  const layerId = addToLibrary(library, file, 'geojson', (id, relative) =>
    library.db.prepare("INSERT INTO map_layers (layer_id, kind, name, file, format, min_zoom, max_zoom, created_at) VALUES (?, 'geojson', ?, ?, 'geojson', 0, 22, ?)").run(id, name, relative, nowIso()),
  );
  return { layerId, name, format: 'geojson', minZoom: 0, maxZoom: 22, bounds: null, kind: 'geojson' };
}

/**
 * A PMTiles archive (a regional extract, vector or raster) copied into the library once the map
 * worker has checked all of it; the map reads it from the library by range requests.
 */
export async function importPmtiles(library: Library, reader: MapReader, file: string): Promise<MapLayer> {
  if (!fs.existsSync(file)) throw new StationError('not-found', 'file-gone', { path: file });
  const answer = await check(() => reader.pmtiles(file), file, 'map-not-pmtiles');
  if (!answer.passed) {
    const said: Record<string, string> = answer.problem === 'pmtiles-tile-type' || answer.problem === 'pmtiles-compression' ? { file: path.basename(file), format: answer.detail } : { file: path.basename(file), detail: answer.detail };
    throw new StationError('invalid-input', answer.problem, said);
  }
  const { facts } = answer;
  const layer: Omit<MapLayer, 'layerId'> = { name: facts.name ?? path.basename(file, '.pmtiles'), format: facts.tileType, minZoom: facts.minZoom, maxZoom: facts.maxZoom, bounds: facts.bounds, kind: 'pmtiles' };
  const layerId = addToLibrary(library, file, 'pmtiles', (id, relative) =>
    library.db
      .prepare("INSERT INTO map_layers (layer_id, kind, name, file, format, min_zoom, max_zoom, bounds, created_at) VALUES (?, 'pmtiles', ?, ?, ?, ?, ?, ?, ?)")
      .run(id, layer.name, relative, layer.format, layer.minZoom, layer.maxZoom, layer.bounds ? JSON.stringify(layer.bounds) : null, nowIso()),
  );
  return { layerId, ...layer };
}

export function pmtilesFile(library: Library, layerId: string): string | null {
  const row = library.db.prepare("SELECT file FROM map_layers WHERE layer_id = ? AND kind = 'pmtiles'").get(layerId) as { file: string } | undefined;
  return row ? libraryFile(library.paths.root, row.file) : null;
}

export function overlayFile(library: Library, layerId: string): string | null {
  const row = library.db.prepare("SELECT file FROM map_layers WHERE layer_id = ? AND kind = 'geojson'").get(layerId) as { file: string } | undefined;
  return row ? libraryFile(library.paths.root, row.file) : null;
}
