import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { sendRange } from './send-range.ts';
import { overlayFile, pmtilesFile, readTile } from '../analysis/map-files/map-layers.ts';
import type { MapReader } from '../analysis/map-files/map-reader.ts';
import { mediaKindOf } from '../ingest/media-kinds.ts';
import { needsPlayableCopy, playableCopyFor } from '../ingest/playable-copies.ts';
import { thumbnailFor } from '../ingest/thumbnails.ts';
import type { LibraryAccess } from '../library/library-session.ts';
import { findMedia } from '../library/media-queries.ts';
import { StationError } from '../rpc/envelope.ts';
import { libraryFile } from '../safe-fs/inside-root.ts';

/** A file the library's database names but that may not be used (outside the library, behind a link) is answered as missing. */
function refusedAsMissing(err: unknown): null {
  if (err instanceof StationError) return null;
  throw err;
}

function orNull<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch (err) {
    return refusedAsMissing(err);
  }
}

/**
 * Thumbnails and originals by media ID, for the renderer's <img> tags: the renderer never sees
 * a file path or a file:// URL; "play" is the original, or for a video the browser cannot play
 * a copy it can. Answers false when the path is not a media route. PMTiles
 * archives and originals (videos) are served from the library by byte ranges (the Range header, `range`).
 */
export async function serveMedia(session: LibraryAccess, maps: MapReader, urlPath: string, res: ServerResponse, range?: string): Promise<boolean> {
  const tile = /^\/media\/tiles\/([0-9a-f]{8})\/(\d{1,2})\/(\d+)\/(\d+)$/.exec(urlPath);
  if (tile) {
    const [, layer, z, x, y] = tile;
    const open = session.current();
    const found = open ? await readTile(open, maps, layer as string, Number(z), Number(x), Number(y)).catch(refusedAsMissing) : null;
    if (!found) res.writeHead(404).end();
    else res.writeHead(200, { 'Content-Type': found.format === 'jpg' ? 'image/jpeg' : `image/${found.format}`, 'Cache-Control': 'private, max-age=3600' }).end(found.data);
    return true;
  }
  const overlay = /^\/media\/overlay\/([0-9a-f]{8})$/.exec(urlPath);
  if (overlay) {
    const open = session.current();
    const file = open ? orNull(() => overlayFile(open, overlay[1] as string)) : null;
    if (!file) res.writeHead(404).end();
    else sendFile(file, { 'Content-Type': 'application/geo+json', 'X-Content-Type-Options': 'nosniff' }, res);
    return true;
  }
  const pmtiles = /^\/media\/pmtiles\/([0-9a-f]{8})$/.exec(urlPath);
  if (pmtiles) {
    const open = session.current();
    const file = open ? orNull(() => pmtilesFile(open, pmtiles[1] as string)) : null;
    if (!file) res.writeHead(404).end();
    else sendRange(file, range, { 'Content-Type': 'application/vnd.pmtiles', 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' }, res);
    return true;
  }
  const match = /^\/media\/(thumb|file|play)\/([0-9a-f]{16})$/.exec(urlPath);
  if (!match) return false;
  const [, kind, mediaID] = match;
  const library = session.current();
  const item = library && mediaID ? findMedia(library.db, mediaID) : undefined;
  if (!library || !item) {
    res.writeHead(404).end('No such media');
    return true;
  }
  if (kind === 'play' && item.mediaType === 'video' && needsPlayableCopy(item.fileName, item.videoCodec)) {
    // Made on the first request, which waits for it; a video that cannot be copied plays nowhere here.
    const copy = await playableCopyFor(library, item.sha256, item.filePath).catch(refusedAsMissing);
    if (!copy) res.writeHead(415).end('Cannot be played');
    else sendRange(copy, range, { 'Content-Type': 'video/mp4', 'Cache-Control': 'private, max-age=86400, immutable', 'X-Content-Type-Options': 'nosniff' }, res);
    return true;
  }
  // A video's thumbnail is its poster frame, a JPEG like a picture's.
  const thumb = kind === 'thumb';
  const file = thumb ? await thumbnailFor(library, item.sha256, item.filePath, item.mediaType).catch(refusedAsMissing) : orNull(() => libraryFile(library.paths.root, item.filePath));
  if (!file) {
    res.writeHead(404).end('Not found');
    return true;
  }
  const headers = { 'Content-Type': thumb ? 'image/jpeg' : mimeOf(item.fileName), 'Cache-Control': 'private, max-age=86400, immutable', 'X-Content-Type-Options': 'nosniff' };
  // A video element reads an original by ranges: the part it plays, the end where MP4 keeps its index, the place it seeks to.
  if (thumb) sendFile(file, headers, res);
  else sendRange(file, range, headers, res);
  return true;
}

/**
 * Streams a file, or answers 404 when it is gone: people browse media/ and may delete a file
 * there; a stream error must never reach the process as an uncaught exception.
 */
export function sendFile(file: string, headers: Record<string, string>, res: ServerResponse): void {
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(stat.size) });
    pipeline(fs.createReadStream(file), res, () => undefined);
  });
}

function mimeOf(name: string): string {
  return mediaKindOf(name)?.mime ?? 'application/octet-stream';
}
