import fs from 'node:fs';

export function freeBytes(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

/** Room kept free so the database, its journal and the thumbnails can still be written. */
export function reserveBytes(totalBytes: number): number {
  return Math.max(8 * 1024 * 1024, Math.ceil(totalBytes * 0.01));
}
