import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { videoCutShort } from '../../../electron/backend/ingest/video-cut-short.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

function box(type: string, length: number): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32BE(length, 0);
  b.write(type, 4, 'latin1');
  return b;
}

function largeBox(type: string, length: number): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32BE(1, 0);
  b.write(type, 4, 'latin1');
  b.writeBigUInt64BE(BigInt(length), 8);
  return b;
}

function riff(form: string, length: number): Buffer {
  const b = Buffer.alloc(length);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(length - 8, 4);
  b.write(form, 8, 'latin1');
  return b;
}

const dir = tempDir();
async function cut(...parts: Buffer[]): Promise<boolean> {
  const file = path.join(dir, `${Math.random()}.bin`);
  fs.writeFileSync(file, Buffer.concat(parts));
  return videoCutShort(file);
}

describe('a video whose outer boxes or chunks run past its end was cut short', () => {
  it('MP4 and MOV: whole, with the index first or last, with a 64-bit box, or a last box that runs to the end', async () => {
    expect(await cut(box('ftyp', 24), box('moov', 200), box('mdat', 5000))).toBe(false);
    expect(await cut(box('ftyp', 24), largeBox('mdat', 5000), box('moov', 200))).toBe(false);
    const toTheEnd = box('mdat', 400);
    toTheEnd.writeUInt32BE(0, 0);
    expect(await cut(box('ftyp', 24), box('moov', 200), toTheEnd)).toBe(false);
    // Zeros after the last box, as a camera pads a file to the card's cluster: not boxes, not a cut.
    expect(await cut(box('ftyp', 24), box('mdat', 500), Buffer.alloc(3000))).toBe(false);
  });

  it('MP4 and MOV: a box that runs past the end, or a header cut in half', async () => {
    expect(await cut(box('ftyp', 24), box('moov', 200), box('mdat', 5000).subarray(0, 3000))).toBe(true);
    expect(await cut(box('ftyp', 24), largeBox('mdat', 5000).subarray(0, 12))).toBe(true);
    expect(await cut(box('ftyp', 24), Buffer.from([0, 0, 1]))).toBe(true);
  });

  it('AVI: one RIFF chunk or several (OpenDML), whole or cut', async () => {
    expect(await cut(riff('AVI ', 4000))).toBe(false);
    expect(await cut(riff('AVI ', 4000), riff('AVIX', 2000))).toBe(false);
    expect(await cut(riff('AVI ', 4000), Buffer.alloc(100))).toBe(false);
    expect(await cut(riff('AVI ', 4000).subarray(0, 2500))).toBe(true);
    expect(await cut(riff('AVI ', 4000), riff('AVIX', 2000).subarray(0, 1000))).toBe(true);
  });
});
