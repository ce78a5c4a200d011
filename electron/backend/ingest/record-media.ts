import path from 'node:path';
import type { MediaMetadata } from './read-metadata.ts';
import type { SourceFile } from './scan-source.ts';
import type { Db } from '../library/db.ts';
import { nowIso } from '../library/ids.ts';
import { localTimeToMs } from '../library/local-time.ts';

export interface NewMediaRow {
  importId: number;
  deploymentID: string;
  clockOffsetSeconds: number;
  file: SourceFile;
  relativePath: string;
  sha256: string;
  size: number;
  meta: MediaMetadata;
  warning: string | null;
}

export type ItemStatus = 'imported' | 'duplicate' | 'failed' | 'not-imported';

/** Prepared once per import: one transaction per file writes the medium and its import item together. */
export interface MediaRecorder {
  addMedia: (row: NewMediaRow) => number;
  addItem: (importId: number, sourcePath: string, status: ItemStatus, reason: string | null, mediaPk?: number | null) => unknown;
  hashKnown: (sha256: string) => number | undefined;
  pathTaken: (relative: string) => boolean;
  probablyKnown: (deploymentID: string, file: SourceFile) => boolean;
}

export function mediaRecorder(db: Db): MediaRecorder {
  const insertMedia = db.prepare(`
    INSERT INTO media (media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime,
      taken_at_original, taken_at_ms, timestamp_ms, time_from_file, camera_make, camera_model, camera_serial,
      gps_latitude, gps_longitude, orientation, width, height, exif_json, imported_at, duration_s, frame_rate, frame_count, video_codec)
    VALUES (@mediaID, @deploymentID, @importId, @filePath, @sourcePath, @fileName, @sha256, @size, @mediaType, @mime,
      @takenAt, @takenAtMs, @timestampMs, @timeFromFile, @make, @model, @serial, @lat, @lon, @orientation, @width, @height, @exif, @importedAt,
      @durationS, @frameRate, @frameCount, @videoCodec)`);
  const insertItem = db.prepare(
    `INSERT INTO import_items (import_id, source_path, status, reason, media_pk) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(import_id, source_path) DO UPDATE SET status = excluded.status, reason = excluded.reason, media_pk = excluded.media_pk`,
  );
  const findHash = db.prepare('SELECT media_pk AS pk FROM media WHERE sha256 = ?');
  const findSameSource = db.prepare('SELECT 1 FROM media WHERE deployment_id = ? AND source_path = ? AND size = ?');
  const findPath = db.prepare('SELECT 1 FROM media WHERE file_path = ? COLLATE NOCASE');

  const addMedia = db.transaction((row: NewMediaRow): number => {
    const takenAtMs = localTimeToMs(row.meta.takenAt);
    const result = insertMedia.run({
      mediaID: row.sha256.slice(0, 16),
      deploymentID: row.deploymentID,
      importId: row.importId,
      filePath: row.relativePath,
      sourcePath: row.file.relPath,
      fileName: path.posix.basename(row.relativePath),
      sha256: row.sha256,
      size: row.size,
      mediaType: row.file.kind.mediaType,
      mime: row.file.kind.mime,
      takenAt: row.meta.takenAt,
      takenAtMs,
      timestampMs: takenAtMs + row.clockOffsetSeconds * 1000,
      timeFromFile: row.meta.timeFromFile ? 1 : 0,
      make: row.meta.make ?? null,
      model: row.meta.model ?? null,
      serial: row.meta.serialNumber ?? null,
      lat: row.meta.latitude ?? null,
      lon: row.meta.longitude ?? null,
      orientation: row.meta.orientation ?? null,
      width: row.meta.width ?? null,
      height: row.meta.height ?? null,
      exif: row.meta.exif ? JSON.stringify(row.meta.exif) : null,
      importedAt: nowIso(),
      durationS: row.meta.durationS ?? null,
      frameRate: row.meta.frameRate ?? null,
      frameCount: row.meta.frameCount ?? null,
      videoCodec: row.meta.videoCodec ?? null,
    });
    const pk = Number(result.lastInsertRowid);
    insertItem.run(row.importId, row.file.relPath, 'imported', row.warning, pk);
    return pk;
  });

  return {
    addMedia,
    addItem: (importId: number, sourcePath: string, status: ItemStatus, reason: string | null, mediaPk: number | null = null) =>
      insertItem.run(importId, sourcePath, status, reason, mediaPk),
    hashKnown: (sha256: string) => (findHash.get(sha256) as { pk: number } | undefined)?.pk,
    pathTaken: (relative: string) => findPath.get(relative) !== undefined,
    probablyKnown: (deploymentID: string, file: SourceFile) => findSameSource.get(deploymentID, file.relPath, file.size) !== undefined,
  };
}
