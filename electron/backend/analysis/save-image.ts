import fs from 'node:fs';
import path from 'node:path';
import { StationError } from '../rpc/envelope.ts';

const pngPrefix = 'data:image/png;base64,';
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A figure for a report, not a poster: large enough for print at 300 dpi, small enough to refuse junk. */
export const maxImageBytes = 20 * 1024 * 1024;

function pngBytes(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(pngPrefix.length), 'base64');
}

/** A data URL that decodes to a PNG (checked by its signature) no larger than the limit. */
export function isPngDataUrl(dataUrl: string): boolean {
  if (!dataUrl.startsWith(pngPrefix) || !/^[A-Za-z0-9+/]*={0,2}$/.test(dataUrl.slice(pngPrefix.length))) return false;
  const bytes = pngBytes(dataUrl);
  return bytes.length <= maxImageBytes && bytes.subarray(0, 8).equals(pngSignature);
}

/** Written to a temporary name and renamed: a reader never sees half an image. */
export function saveImage(dataUrl: string, folder: string, name: string): { file: string; bytes: number } {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new StationError('not-found', 'folder-gone', { path: dir });
  const bytes = pngBytes(dataUrl);
  const target = path.join(dir, `${name}.png`);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, target);
  return { file: target, bytes: bytes.length };
}
