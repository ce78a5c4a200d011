import crypto from 'node:crypto';
import fs from 'node:fs/promises';

export interface CopiedFile {
  sha256: string;
  size: number;
  /** The first bytes, for the format check and EXIF, so that nothing reads the file again. */
  head: Buffer;
  /** The last bytes, to tell a truncated JPEG. */
  tail: Buffer;
}

/** Which side of a copy failed: a source error may mean the card was pulled, a destination error a full disk. */
export class CopyError extends Error {
  constructor(
    readonly side: 'source' | 'destination',
    readonly errno: NodeJS.ErrnoException,
  ) {
    super(`${side}: ${errno.message}`);
  }
}

async function onSide<T>(side: CopyError['side'], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new CopyError(side, err as NodeJS.ErrnoException);
  }
}

const chunkSize = 1 << 20;
const headSize = 128 * 1024;
const tailSize = 64;

function keepHead(head: Buffer[], headLength: number, chunk: Buffer): number {
  if (headLength >= headSize) return headLength;
  const part = Buffer.from(chunk.subarray(0, headSize - headLength));
  head.push(part);
  return headLength + part.length;
}

/**
 * Reads the source once, hashing while it writes the copy, then flushes the copy to disk.
 * The source is opened read-only; with no destination it only hashes.
 */
export async function copyWithHash(source: string, destination: string | null, bytesDone: (n: number) => void): Promise<CopiedFile> {
  const hash = crypto.createHash('sha256');
  const input = await onSide('source', () => fs.open(source, 'r'));
  let output: fs.FileHandle | undefined;
  try {
    output = destination ? await onSide('destination', () => fs.open(destination, 'wx')) : undefined;
    const buffer = Buffer.allocUnsafe(chunkSize);
    const head: Buffer[] = [];
    let headLength = 0;
    let tail = Buffer.alloc(0);
    let size = 0;
    for (;;) {
      const { bytesRead } = await onSide('source', () => input.read(buffer, 0, chunkSize, null));
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      headLength = keepHead(head, headLength, chunk);
      tail = Buffer.concat([tail, chunk.subarray(Math.max(0, bytesRead - tailSize))]).subarray(-tailSize);
      if (output) {
        let written = 0;
        while (written < bytesRead) {
          const out = output;
          written += (await onSide('destination', () => out.write(chunk, written, bytesRead - written))).bytesWritten;
        }
      }
      size += bytesRead;
      bytesDone(bytesRead);
    }
    if (output) {
      const out = output;
      await onSide('destination', () => out.datasync());
    }
    return { sha256: hash.digest('hex'), size, head: Buffer.concat(head), tail };
  } finally {
    await input.close();
    await output?.close();
  }
}

/** Makes a rename durable: the directory entry is flushed as the file's data was. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
