import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Library } from '../library/open-library.ts';
import { posterFrame } from '../media-tools/poster-frame.ts';
import { StationError } from '../rpc/envelope.ts';
import { libraryFile } from '../safe-fs/inside-root.ts';
import { mkdirNoFollowAsync } from '../safe-fs/no-follow.ts';

// sharp processes one image at a time on glibc Linux unless told otherwise.
sharp.concurrency(Math.max(1, os.availableParallelism()));

export const thumbnailWidth = 320;

/** A video's poster frame, or a StationError (answered as missing) when the video gives none. */
async function videoPoster(source: string): Promise<Buffer> {
  try {
    return await posterFrame(source);
  } catch {
    throw new StationError('not-found', 'thumbnail-video-unreadable');
  }
}

/**
 * A cached JPEG thumbnail of a medium, made on first request. Shrink-on-load decodes a
 * 2048-pixel JPEG at 1/4 or 1/8 scale, which is most of the speed; rotate() applies EXIF orientation.
 * A video's thumbnail is its poster frame, scaled and cached the same way.
 */
export async function thumbnailFor(library: Library, sha256: string, filePath: string, mediaType: 'image' | 'video' = 'image'): Promise<string> {
  // Both come from the library's database, which may have been edited: neither may lead outside it.
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new StationError('invalid-input', 'thumbnail-bad-checksum');
  const source = libraryFile(library.paths.root, filePath);
  const cached = path.join(library.paths.thumbnails, sha256.slice(0, 2), `${sha256}-${thumbnailWidth}.jpg`);
  try {
    await fs.access(cached);
    return cached;
  } catch {
    // Not made yet.
  }
  await mkdirNoFollowAsync(library.paths.root, path.dirname(cached));
  // Two requests for one thumbnail at once each write their own part; the last rename wins, whole.
  const partial = `${cached}.${process.pid}.${crypto.randomUUID()}.part`;
  const input = mediaType === 'video' ? await videoPoster(source) : source;
  await sharp(input, { failOn: 'none' })
    .rotate()
    .resize({ width: thumbnailWidth, height: thumbnailWidth, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 78, mozjpeg: false })
    .toFile(partial);
  await fs.rename(partial, cached);
  return cached;
}
