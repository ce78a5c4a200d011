import fs from 'node:fs/promises';

const maxChunks = 10_000;
const boxType = /^[\x20-\x7e]{4}$/;

/**
 * Whether a video's outermost parts run past the end of the file: a card pulled while the
 * camera wrote. ffprobe reads an AVI's length from its header, so an AVI cut short still looks
 * whole to it; an MP4 cut short usually loses the index at its end and does not, but one written
 * index-first does. An AVI is RIFF chunks (one per gigabyte), an MP4 or MOV a row of boxes, each
 * starting with its size. Anything else after them (padding to the card's cluster size) ends the walk.
 */
export async function videoCutShort(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    let riff: boolean | undefined;
    let offset = 0;
    for (let i = 0; i < maxChunks && offset < size; i++) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) return true;
      riff ??= isRiff(header);
      const length = riff ? (isRiff(header) ? riffLength(header) : null) : boxLength(header, bytesRead);
      if (length === null) return false;
      if (length === 'cut') return true;
      offset += length;
    }
    return offset > size;
  } finally {
    await handle.close();
  }
}

const isRiff = (header: Buffer) => header.subarray(0, 4).toString('latin1') === 'RIFF';

function riffLength(header: Buffer): number {
  const length = 8 + header.readUInt32LE(4);
  return length + (length % 2);
}

/** The length of the box whose header this is; null for something that is not a box, or one that runs to the end; 'cut' for a header cut in half. */
function boxLength(header: Buffer, bytesRead: number): number | 'cut' | null {
  if (!boxType.test(header.subarray(4, 8).toString('latin1'))) return null;
  const small = header.readUInt32BE(0);
  // Size 0: the box runs to the end of the file, whatever its length.
  if (small === 0) return null;
  if (small !== 1) return small >= 8 ? small : null;
  if (bytesRead < 16) return 'cut';
  const large = Number(header.readBigUInt64BE(8));
  return large >= 16 ? large : null;
}
