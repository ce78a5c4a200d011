import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { assemble, makePmtiles, serializeDirectory, studyAreaParts } from '../../support/make-pmtiles.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

// Header fields by byte offset, as the PMTiles v3 spec lays them out.
const rootOffset = 8;
const rootLength = 16;
const tileDataOffset = 56;
const compressionOfTiles = 98;
const tileType = 99;

const [lat, lon] = [50.7, 4.0];

function patched(change: (bytes: Buffer) => Buffer | void, minZoom = 10): Buffer {
  const bytes = Buffer.from(makePmtiles(path.join(tempDir(), 'base.pmtiles'), lat, lon, minZoom, 14));
  return change(bytes) ?? bytes;
}

/** Archives that lie about themselves, each refused with the message a volunteer reads. */
const hostile: [string, () => Buffer, RegExp][] = [
  ['wrong magic', () => patched((b) => void b.write('PMTilez', 0, 'latin1')), /is not a PMTiles archive \(it does not start with "PMTiles"\)/],
  ['an older version', () => patched((b) => void b.writeUInt8(2, 7)), /is not a PMTiles archive \(it is version 2/],
  ['shorter than a header', () => Buffer.from('PMTiles\u0003'), /is not a PMTiles archive \(it has only 8 bytes\)/],
  ['cut short', () => patched((b) => b.subarray(0, 2000)), /is damaged or cut short \(its tile data reaches byte \d+ of a file of 2000 bytes\)/],
  ['a section past the end of the file', () => patched((b) => void b.writeBigUInt64LE(BigInt(b.length + 1000), tileDataOffset)), /is damaged or cut short \(its tile data reaches byte/],
  ['an offset beyond any number', () => patched((b) => void b.writeBigUInt64LE(2n ** 63n, rootOffset)), /is damaged or cut short \(the root directory offset is out of range\)/],
  [
    'a tile entry pointing outside the tile data',
    () => {
      const parts = studyAreaParts(lat, lon, 10, 11);
      return assemble({ ...parts, rootDirectory: zlib.gzipSync(serializeDirectory([{ tileId: 5, offset: parts.tileData.length, length: 100, runLength: 1 }])) });
    },
    /is damaged or cut short \(the root directory points to bytes \d+-\d+ of a section of \d+ bytes\)/,
  ],
  ['a root directory larger than the first 16 KiB', () => patched((b) => void b.writeBigUInt64LE(BigInt(b.length - 200), rootLength), 0), /has a tile directory too large to read safely \(its root directory ends at byte/],
  [
    'a leaf directory that unpacks to gigabytes',
    () => {
      const parts = studyAreaParts(lat, lon, 10, 11);
      const bomb = zlib.gzipSync(Buffer.alloc(40 * 1024 * 1024));
      return assemble({ ...parts, rootDirectory: zlib.gzipSync(serializeDirectory([{ tileId: 0, offset: 0, length: bomb.length, runLength: 0 }])), leafDirectories: bomb });
    },
    /has a tile directory too large to read safely \(the leaf directory unpacks to more than 32 MB\)/,
  ],
  ['a directory whose entry count lies', () => assemble({ ...studyAreaParts(lat, lon, 10, 11), rootDirectory: zlib.gzipSync(Buffer.from([0xff, 0xff, 0x7f])) }), /is damaged or cut short \(the root directory claims 2097151 entries in 3 bytes\)/],
  ['tiles of a type the map cannot draw', () => patched((b) => void b.writeUInt8(5, tileType)), /The tiles in .* are avif: only vector tiles \(MVT\) and raster tiles/],
  ['a compression the reader lacks', () => patched((b) => void b.writeUInt8(3, compressionOfTiles)), /is compressed with brotli, which this app cannot read/],
];

describe('PMTiles archives from outside', () => {
  it.each(hostile)('refuses %s in plain words and writes nothing', async (_what, make, message) => {
    const t = testBackend();
    const root = path.join(tempDir(), 'library');
    await libraryWithDeployment(t, root);
    const file = path.join(tempDir(), 'area.pmtiles');
    fs.writeFileSync(file, make());
    const started = Date.now();
    expect(await t.call('map.importPmtiles', { file })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(message) } });
    expect(Date.now() - started).toBeLessThan(5000);
    const maps = path.join(root, '.maps');
    expect(fs.existsSync(maps) ? fs.readdirSync(maps) : []).toEqual([]);
    expect(await t.must('map.layers', {})).toEqual([]);
  });

  it('refuses a folder named like an archive, and a path that is not absolute', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    const folder = path.join(tempDir(), 'folder.pmtiles');
    fs.mkdirSync(folder);
    expect(await t.call('map.importPmtiles', { file: folder })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/folder\.pmtiles is not a PMTiles archive/) } });
    expect(await t.call('map.importPmtiles', { file: 'area.pmtiles' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
