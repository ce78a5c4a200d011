/**
 * Reconyx keeps the camera's serial number and the user's label in its maker note, which
 * exifr returns as raw bytes. Offsets follow ExifTool's Reconyx tables (HyperFire, HyperFire 2).
 */
export interface ReconyxInfo {
  serialNumber?: string;
  userLabel?: string;
  sequence?: { index: number; of: number };
}

function utf16(buf: Buffer, start: number, bytes: number): string | undefined {
  if (buf.length < start + 2) return undefined;
  const text = buf.subarray(start, Math.min(buf.length, start + bytes)).toString('utf16le');
  const cut = text.indexOf('\u0000');
  const value = (cut === -1 ? text : text.slice(0, cut)).trim();
  return value || undefined;
}

function ascii(buf: Buffer, start: number, bytes: number): string | undefined {
  if (buf.length < start + 1) return undefined;
  const text = buf.subarray(start, Math.min(buf.length, start + bytes)).toString('latin1');
  const cut = text.indexOf('\u0000');
  const value = (cut === -1 ? text : text.slice(0, cut)).trim();
  return value || undefined;
}

function sequenceAt(buf: Buffer, start: number): ReconyxInfo['sequence'] {
  if (buf.length < start + 4) return undefined;
  const index = buf.readUInt16LE(start);
  const of = buf.readUInt16LE(start + 2);
  return of > 0 && index > 0 && index <= of ? { index, of } : undefined;
}

export function parseReconyxMakerNote(note: Uint8Array): ReconyxInfo | undefined {
  const buf = Buffer.from(note.buffer, note.byteOffset, note.byteLength);
  if (buf.subarray(0, 9).toString('latin1') === 'RECONYXH2') {
    return { userLabel: ascii(buf, 0x68, 22), serialNumber: utf16(buf, 0x7e, 30), sequence: sequenceAt(buf, 0x36) };
  }
  if (buf.length >= 2 && buf.readUInt16LE(0) === 0xf101) {
    return { serialNumber: utf16(buf, 0x2a, 30), sequence: sequenceAt(buf, 0x0e) };
  }
  return undefined;
}
