import fs from 'node:fs';
import zlib from 'node:zlib';
import Pbf from 'pbf';
import { zxyToTileId } from 'pmtiles';
import { tileOf } from './make-mbtiles.ts';

// A small, valid PMTiles v3 archive written here, byte by byte as the spec says
// (github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md), with vector tiles in the Mapbox
// Vector Tile encoding (github.com/mapbox/vector-tile-spec/tree/master/2.1). The tests read it
// back with the `pmtiles` reader the app draws with.

const extent = 4096;
type Point = [number, number];
interface Feature {
  type: 1 | 2 | 3;
  rings: Point[][];
  props: Record<string, string>;
}

/** Where a longitude/latitude falls in tile z/x/y, in the tile's own units (0..extent). */
function inTile(lon: number, lat: number, z: number, x: number, y: number): Point {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const wx = ((lon + 180) / 360) * n;
  const wy = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return [Math.round((wx - x) * extent), Math.round((wy - y) * extent)];
}

const zigzag = (n: number): number => (n << 1) ^ (n >> 31);
const command = (id: number, count: number): number => (id & 7) | (count << 3);

/** The geometry commands of one feature: MoveTo, LineTo, ClosePath with zigzag deltas. */
function geometry(f: Feature): number[] {
  const out: number[] = [];
  let [cx, cy] = [0, 0];
  for (const ring of f.rings) {
    const points = f.type === 3 ? ring.slice(0, -1) : ring;
    points.forEach(([px, py], i) => {
      if (i === 0) out.push(command(1, 1));
      if (i === 1) out.push(command(2, points.length - 1));
      out.push(zigzag(px - cx), zigzag(py - cy));
      [cx, cy] = [px, py];
    });
    if (f.type === 3) out.push(command(7, 1));
  }
  return out;
}

/** One MVT tile: layers of features, their property keys and string values as the spec packs them. */
export function encodeMvt(layers: Record<string, Feature[]>): Uint8Array {
  const pbf = new Pbf();
  for (const [name, features] of Object.entries(layers)) {
    const keys: string[] = [];
    const values: string[] = [];
    const index = (list: string[], v: string): number => (list.includes(v) ? list.indexOf(v) : list.push(v) - 1);
    const tagged = features.map((f) => ({ f, tags: Object.entries(f.props).flatMap(([k, v]) => [index(keys, k), index(values, v)]) }));
    pbf.writeMessage(3, () => {
      pbf.writeVarintField(15, 2);
      pbf.writeStringField(1, name);
      tagged.forEach(({ f, tags }, i) =>
        pbf.writeMessage(2, () => {
          pbf.writeVarintField(1, i + 1);
          pbf.writePackedVarint(2, tags);
          pbf.writeVarintField(3, f.type);
          pbf.writePackedVarint(4, geometry(f));
        }, undefined),
      );
      for (const k of keys) pbf.writeStringField(3, k);
      for (const v of values) pbf.writeMessage(4, () => pbf.writeStringField(1, v), undefined);
      pbf.writeVarintField(5, extent);
    }, undefined);
  }
  return pbf.finish();
}

/** What the study-area tiles show: open land, a lake by the station, a road across it, a village. */
function studyAreaLayers(lat: number, lon: number, z: number, x: number, y: number): Record<string, Feature[]> {
  const at = (dLon: number, dLat: number): Point => inTile(lon + dLon, lat + dLat, z, x, y);
  // Outer rings run clockwise on screen (y down), as the MVT spec asks.
  const box = (w: number, h: number): Point[] => [at(-w, -h), at(-w, h), at(w, h), at(w, -h), at(-w, -h)];
  const whole: Point[] = [[-64, -64], [extent + 64, -64], [extent + 64, extent + 64], [-64, extent + 64], [-64, -64]];
  return {
    landuse: [{ type: 3, rings: [whole], props: { kind: 'grassland' } }],
    water: [{ type: 3, rings: [box(0.05, 0.03)], props: { kind: 'lake', name: 'Test lake' } }],
    roads: [{ type: 2, rings: [[at(-0.2, -0.03), at(0.2, -0.02)]], props: { kind: 'major_road', name: 'Field road' } }],
    places: [{ type: 1, rings: [[at(0.03, 0.02)]], props: { kind: 'locality', name: 'Testville' } }],
  };
}

function varints(values: number[]): Buffer {
  const pbf = new Pbf();
  for (const v of values) pbf.writeVarint(v);
  return Buffer.from(pbf.finish());
}

export interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** A directory as the spec serializes it: count, id deltas, run lengths, lengths, offsets (+1, or 0 when contiguous). */
export function serializeDirectory(entries: DirectoryEntry[]): Buffer {
  let last = 0;
  const deltas = entries.map((e) => {
    const d = e.tileId - last;
    last = e.tileId;
    return d;
  });
  const offsets = entries.map((e, i) => {
    const previous = entries[i - 1];
    return previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1;
  });
  return varints([entries.length, ...deltas, ...entries.map((e) => e.runLength), ...entries.map((e) => e.length), ...offsets]);
}

export interface PmtilesParts {
  rootDirectory: Buffer;
  metadata: Buffer;
  leafDirectories: Buffer;
  tileData: Buffer;
  tileEntries: number;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  center: [number, number, number];
}

/** Header (127 bytes, little-endian) then the sections in the spec's order; gzip inside, MVT tiles gzipped. */
export function assemble(parts: PmtilesParts): Buffer {
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'latin1');
  header.writeUInt8(3, 7);
  let at = 127;
  const sections = [parts.rootDirectory, parts.metadata, parts.leafDirectories, parts.tileData];
  sections.forEach((s, i) => {
    header.writeBigUInt64LE(BigInt(at), 8 + i * 16);
    header.writeBigUInt64LE(BigInt(s.length), 16 + i * 16);
    at += s.length;
  });
  header.writeBigUInt64LE(BigInt(parts.tileEntries), 72);
  header.writeBigUInt64LE(BigInt(parts.tileEntries), 80);
  header.writeBigUInt64LE(BigInt(parts.tileEntries), 88);
  header.writeUInt8(1, 96); // clustered: tiles in tile-id order
  header.writeUInt8(2, 97); // directories and metadata: gzip
  header.writeUInt8(2, 98); // tiles: gzip
  header.writeUInt8(1, 99); // vector tiles (MVT)
  header.writeUInt8(parts.minZoom, 100);
  header.writeUInt8(parts.maxZoom, 101);
  parts.bounds.forEach((v, i) => header.writeInt32LE(Math.round(v * 1e7), 102 + i * 4));
  header.writeUInt8(parts.center[2], 118);
  header.writeInt32LE(Math.round(parts.center[0] * 1e7), 119);
  header.writeInt32LE(Math.round(parts.center[1] * 1e7), 123);
  return Buffer.concat([header, ...sections]);
}

/** The parts of a study-area archive: 3x3 tiles around a point at each zoom from minZoom to maxZoom. */
export function studyAreaParts(lat: number, lon: number, minZoom = 0, maxZoom = 14): PmtilesParts {
  const tiles: { tileId: number; data: Buffer }[] = [];
  for (let z = minZoom; z <= maxZoom; z += 1) {
    const c = tileOf(lat, lon, z);
    const n = 2 ** z;
    const around = new Set<string>();
    for (let dx = -1; dx <= 1; dx += 1) for (let dy = -1; dy <= 1; dy += 1) around.add(`${(c.x + dx + n) % n},${Math.min(n - 1, Math.max(0, c.y + dy))}`);
    for (const key of around) {
      const [x, y] = key.split(',').map(Number) as [number, number];
      tiles.push({ tileId: zxyToTileId(z, x, y), data: zlib.gzipSync(encodeMvt(studyAreaLayers(lat, lon, z, x, y))) });
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = tiles.map((t) => {
    const e = { tileId: t.tileId, offset, length: t.data.length, runLength: 1 };
    offset += t.data.length;
    return e;
  });
  const vectorLayers = ['landuse', 'water', 'roads', 'places'].map((id) => ({ id, fields: { kind: 'String', name: 'String' }, minzoom: minZoom, maxzoom: maxZoom }));
  return {
    rootDirectory: zlib.gzipSync(serializeDirectory(entries)),
    metadata: zlib.gzipSync(JSON.stringify({ name: 'Study area (test)', vector_layers: vectorLayers })),
    leafDirectories: Buffer.alloc(0),
    tileData: Buffer.concat(tiles.map((t) => t.data)),
    tileEntries: tiles.length,
    minZoom,
    maxZoom,
    bounds: [lon - 0.3, lat - 0.2, lon + 0.3, lat + 0.2],
    center: [lon, lat, 12],
  };
}

/** Writes a valid study-area archive around a point and returns its bytes. */
export function makePmtiles(file: string, lat: number, lon: number, minZoom = 0, maxZoom = 14): Buffer {
  const bytes = assemble(studyAreaParts(lat, lon, minZoom, maxZoom));
  fs.writeFileSync(file, bytes);
  return bytes;
}
