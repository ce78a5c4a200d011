import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Library } from '../library/open-library.ts';
import { transcodeToH264 } from '../media-tools/transcode-h264.ts';
import { StationError } from '../rpc/envelope.ts';
import { libraryFile } from '../safe-fs/inside-root.ts';
import { mkdirNoFollowAsync } from '../safe-fs/no-follow.ts';

/** The codecs the app's Chromium decodes (Debian's has no H.265), as ffprobe names them. */
const playableCodecs = new Set(['h264', 'vp8', 'vp9', 'av1']);
/** Containers it reads; it reads no AVI, whatever the codec inside. */
const playableContainers = new Set(['.mp4', '.mov', '.m4v', '.webm']);

/** Whether a video needs a copy to be played here: its container or its codec (when known) is not one Chromium plays. */
export function needsPlayableCopy(fileName: string, videoCodec: string | null): boolean {
  if (!playableContainers.has(path.extname(fileName).toLowerCase())) return true;
  return videoCodec !== null && !playableCodecs.has(videoCodec.toLowerCase());
}

/** One transcode per copy at a time: a video element asks several ranges at once, each waiting for the same copy. */
const making = new Map<string, Promise<string>>();

async function make(source: string, cached: string, root: string): Promise<string> {
  try {
    await fs.access(cached);
    return cached;
  } catch {
    // Not made yet.
  }
  await mkdirNoFollowAsync(root, path.dirname(cached));
  const partial = `${cached}.${process.pid}.${crypto.randomUUID()}.part`;
  const run = await transcodeToH264(source, partial);
  if (!run.ok) {
    await fs.rm(partial, { force: true });
    throw new StationError('not-found', 'video-unplayable');
  }
  // Renamed only when whole: a copy cut short by a crash is never served.
  await fs.rename(partial, cached);
  return cached;
}

/**
 * A copy of a video the browser plays (H.264 in MP4), made once in the library's cache next to
 * the thumbnails, named for the original's checksum; the original is only read. A video that
 * cannot be turned into one throws a StationError, and is not tried again until the app restarts.
 */
export async function playableCopyFor(library: Library, sha256: string, filePath: string): Promise<string> {
  // Both come from the library's database, which may have been edited: neither may lead outside it.
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new StationError('invalid-input', 'thumbnail-bad-checksum');
  const source = libraryFile(library.paths.root, filePath);
  const cached = path.join(library.paths.thumbnails, sha256.slice(0, 2), `${sha256}-h264.mp4`);
  const pending = making.get(cached);
  if (pending) return pending;
  // Put in the map before anything is awaited, so a second request at once waits for this one.
  const made = make(source, cached, library.paths.root);
  making.set(cached, made);
  // A finished copy is found on disk; a failed one stays remembered, so a broken video is not transcoded at every look.
  made.then(() => making.delete(cached)).catch(() => undefined);
  return made;
}
