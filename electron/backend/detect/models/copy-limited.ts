import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes a stream to a new file (never over one, never through a link) and stops with
 * `tooBig()` as soon as more than `maxBytes` arrive: an archive may lie about its sizes.
 */
export async function copyLimited(from: Readable, target: string, maxBytes: number, tooBig: () => Error): Promise<number> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooBig() : null, chunk);
    },
  });
  await pipeline(from, counter, fs.createWriteStream(target, { flags: 'wx', mode: 0o644 }));
  return bytes;
}
