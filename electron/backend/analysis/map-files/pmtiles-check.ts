import fs from 'node:fs';
import zlib from 'node:zlib';

/** What the library keeps of a PMTiles v3 archive that passed every check. */
export interface PmtilesFacts {
  tileType: 'mvt' | 'png' | 'jpg' | 'webp';
  minZoom: number;
  maxZoom: number;
  /** west, south, east, north */
  bounds: [number, number, number, number] | null;
  name: string | null;
  tiles: number;
}

export type PmtilesProblem = 'map-not-pmtiles' | 'pmtiles-damaged' | 'pmtiles-directory-too-big' | 'pmtiles-compression' | 'pmtiles-tile-type';

/** A check that failed, with the words for the message (the file's own numbers, never a stack). */
export class PmtilesRefused extends Error {
  constructor(
    readonly problem: PmtilesProblem,
    detail: string,
  ) {
    super(detail);
  }
}

const headerBytes = 127;
/** The spec keeps the header and the root directory inside the first 16 KiB: readers fetch that much first. */
const firstBytes = 16_384;
/** Largest directory taken once decompressed, and largest leaf section: a study area's are far smaller. */
const maxDirectoryBytes = 32 * 1024 * 1024;
const maxLeafSectionBytes = 64 * 1024 * 1024;
const maxMetadataBytes = 1024 * 1024;
const maxTileBytes = 16 * 1024 * 1024;
/** Root, leaves, leaves of leaves: the writers never go deeper. */
const maxDepth = 4;

const tileTypes: Record<number, PmtilesFacts['tileType']> = { 1: 'mvt', 2: 'png', 3: 'jpg', 4: 'webp' };
const tileTypeNames: Record<number, string> = { 0: 'of unknown type', 5: 'avif' };
const compressionNames: Record<number, string> = { 0: 'an unknown method', 1: 'none', 2: 'gzip', 3: 'brotli', 4: 'zstd' };

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

interface Section {
  offset: number;
  length: number;
}

class Archive {
  private readonly fd: number;
  readonly size: number;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'r');
    this.size = fs.fstatSync(this.fd).size;
  }

  read(offset: number, length: number): Buffer {
    const buf = Buffer.alloc(length);
    const got = fs.readSync(this.fd, buf, 0, length, offset);
    if (got !== length) throw new PmtilesRefused('pmtiles-damaged', `the file ends at byte ${this.size}`);
    return buf;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

function uint64(buf: Buffer, at: number, what: string): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new PmtilesRefused('pmtiles-damaged', `the ${what} is out of range`);
  return Number(value);
}

function inflate(buf: Buffer, compression: number, limit: number, what: string): Buffer {
  if (compression === 1 || compression === 0) {
    if (buf.length > limit) throw new PmtilesRefused('pmtiles-directory-too-big', `the ${what} holds ${buf.length} bytes`);
    return buf;
  }
  try {
    return zlib.gunzipSync(buf, { maxOutputLength: limit });
  } catch (err) {
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PmtilesRefused('pmtiles-directory-too-big', `the ${what} unpacks to more than ${limit / 1024 / 1024} MB`);
    }
    throw new PmtilesRefused('pmtiles-damaged', `the ${what} cannot be unpacked`);
  }
}

/** Varints as the spec writes them (protobuf style), refused past the end or past 2^53. */
function reader(buf: Buffer, what: string): () => number {
  let pos = 0;
  return () => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      if (pos >= buf.length) throw new PmtilesRefused('pmtiles-damaged', `the ${what} ends in the middle of an entry`);
      const byte = buf[pos++] as number;
      value += (byte & 0x7f) * shift;
      if (value > Number.MAX_SAFE_INTEGER) throw new PmtilesRefused('pmtiles-damaged', `the ${what} holds a number out of range`);
      if (byte < 0x80) return value;
    }
  };
}

function parseDirectory(buf: Buffer, what: string): Entry[] {
  const next = reader(buf, what);
  const count = next();
  // Every entry takes at least four bytes: a count above that is a lie about the directory.
  if (count * 4 > buf.length) throw new PmtilesRefused('pmtiles-damaged', `the ${what} claims ${count} entries in ${buf.length} bytes`);
  const entries: Entry[] = [];
  let tileId = 0;
  for (let i = 0; i < count; i += 1) {
    tileId += next();
    entries.push({ tileId, offset: 0, length: 0, runLength: 1 });
  }
  for (const e of entries) e.runLength = next();
  for (const e of entries) e.length = next();
  entries.forEach((e, i) => {
    const v = next();
    const previous = entries[i - 1];
    e.offset = v === 0 && previous ? previous.offset + previous.length : v - 1;
    if (e.offset < 0) throw new PmtilesRefused('pmtiles-damaged', `the ${what} has an entry without an offset`);
  });
  return entries;
}

function within(entry: Entry, section: Section, what: string): void {
  if (entry.length === 0 || entry.offset + entry.length > section.length) {
    throw new PmtilesRefused('pmtiles-damaged', `the ${what} points to bytes ${entry.offset}-${entry.offset + entry.length} of a section of ${section.length} bytes`);
  }
}

function bounds(header: Buffer): PmtilesFacts['bounds'] {
  const [west, south, east, north] = [102, 106, 110, 114].map((at) => header.readInt32LE(at) / 1e7) as [number, number, number, number];
  if (west === 0 && south === 0 && east === 0 && north === 0) return null;
  if (Math.abs(west) > 180 || Math.abs(east) > 180 || Math.abs(south) > 90 || Math.abs(north) > 90 || south > north) {
    throw new PmtilesRefused('pmtiles-damaged', `its bounds (${west}, ${south}, ${east}, ${north}) are not on Earth`);
  }
  return [west, south, east, north];
}

function metadataName(archive: Archive, section: Section, compression: number): string | null {
  if (section.length === 0) return null;
  if (section.length > maxMetadataBytes) throw new PmtilesRefused('pmtiles-directory-too-big', `its metadata holds ${section.length} bytes`);
  let meta: unknown;
  try {
    meta = JSON.parse(inflate(archive.read(section.offset, section.length), compression, 8 * maxMetadataBytes, 'metadata').toString('utf8'));
  } catch (err) {
    if (err instanceof PmtilesRefused) throw err;
    throw new PmtilesRefused('pmtiles-damaged', 'its metadata is not JSON');
  }
  const name = meta && typeof meta === 'object' ? (meta as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : null;
}

/**
 * Checks a PMTiles v3 archive as hostile input, all of it that a reader would follow: the
 * header, each section inside the file, every directory (unpacked within a size limit, entries
 * inside their sections, leaves no deeper than the writers make them) and one tile. The map
 * worker runs this under the reader's time limit.
 */
export function checkPmtiles(file: string): PmtilesFacts {
  const archive = new Archive(file);
  try {
    if (archive.size < headerBytes) throw new PmtilesRefused('map-not-pmtiles', `it has only ${archive.size} bytes`);
    const header = archive.read(0, headerBytes);
    if (header.toString('latin1', 0, 7) !== 'PMTiles') throw new PmtilesRefused('map-not-pmtiles', 'it does not start with "PMTiles"');
    const version = header.readUInt8(7);
    if (version !== 3) throw new PmtilesRefused('map-not-pmtiles', `it is version ${version}; only version 3 is read`);
    const section = (at: number, what: string): Section => {
      const s = { offset: uint64(header, at, `${what} offset`), length: uint64(header, at + 8, `${what} length`) };
      if (s.offset + s.length > archive.size) throw new PmtilesRefused('pmtiles-damaged', `its ${what} reaches byte ${s.offset + s.length} of a file of ${archive.size} bytes`);
      return s;
    };
    const root = section(8, 'root directory');
    const metadata = section(24, 'metadata');
    const leaves = section(40, 'leaf directories');
    const tileData = section(56, 'tile data');
    if (root.offset < headerBytes || root.length === 0) throw new PmtilesRefused('pmtiles-damaged', 'its root directory overlaps the header');
    if (root.offset + root.length > firstBytes) throw new PmtilesRefused('pmtiles-directory-too-big', `its root directory ends at byte ${root.offset + root.length}, past the first ${firstBytes}`);
    if (leaves.length > maxLeafSectionBytes) throw new PmtilesRefused('pmtiles-directory-too-big', `its leaf directories hold ${leaves.length} bytes`);
    const [internal, tileCompression, type, minZoom, maxZoom] = [97, 98, 99, 100, 101].map((at) => header.readUInt8(at)) as [number, number, number, number, number];
    for (const c of [internal, tileCompression]) if (c !== 0 && c !== 1 && c !== 2) throw new PmtilesRefused('pmtiles-compression', compressionNames[c] ?? `method ${c}`);
    if (internal === 0) throw new PmtilesRefused('pmtiles-compression', compressionNames[0] as string);
    const tileType = tileTypes[type];
    if (!tileType) throw new PmtilesRefused('pmtiles-tile-type', tileTypeNames[type] ?? `of type ${type}`);
    if (minZoom > maxZoom || maxZoom > 30) throw new PmtilesRefused('pmtiles-damaged', `its zoom levels ${minZoom}-${maxZoom} are not possible`);

    const seen: { tiles: number; first: Entry | null } = { tiles: 0, first: null };
    const walk = (bytes: Buffer, depth: number, what: string): void => {
      const entries = parseDirectory(inflate(bytes, internal, maxDirectoryBytes, what), what);
      for (const e of entries) {
        if (e.runLength === 0) {
          within(e, leaves, what);
          if (depth >= maxDepth) throw new PmtilesRefused('pmtiles-damaged', `its directories nest deeper than ${maxDepth} levels`);
          walk(archive.read(leaves.offset + e.offset, e.length), depth + 1, 'leaf directory');
        } else {
          within(e, tileData, what);
          seen.tiles += e.runLength;
          seen.first ??= e;
        }
      }
    };
    walk(archive.read(root.offset, root.length), 1, 'root directory');
    const probe = seen.first;
    if (!probe) throw new PmtilesRefused('pmtiles-damaged', 'it holds no tiles');
    if (probe.length > maxTileBytes) throw new PmtilesRefused('pmtiles-damaged', `a tile holds ${probe.length} bytes`);
    const tile = archive.read(tileData.offset + probe.offset, probe.length);
    if (tileCompression === 2) {
      try {
        zlib.gunzipSync(tile, { maxOutputLength: 4 * maxTileBytes });
      } catch {
        throw new PmtilesRefused('pmtiles-damaged', 'its first tile cannot be unpacked');
      }
    }
    return { tileType, minZoom, maxZoom, bounds: bounds(header), name: metadataName(archive, metadata, internal), tiles: seen.tiles };
  } finally {
    archive.close();
  }
}
