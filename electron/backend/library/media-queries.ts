import type { Db } from './db.ts';
import type { MediaItem, MediaPage } from './contract.ts';
import { msToLocalTime } from './local-time.ts';

interface MediaRow {
  mediaID: string;
  deploymentID: string;
  fileName: string;
  filePath: string;
  mediaType: 'image' | 'video';
  timestampMs: number;
  takenAtOriginal: string;
  timeFromFile: number;
  cameraMake: string | null;
  cameraModel: string | null;
  cameraSerial: string | null;
  width: number | null;
  height: number | null;
  sequenceNo: number | null;
  sha256: string;
  maxConf: number | null;
  processed: number;
}

const columns = `media_id AS mediaID, deployment_id AS deploymentID, file_name AS fileName, file_path AS filePath,
  media_type AS mediaType, timestamp_ms AS timestampMs, taken_at_original AS takenAtOriginal,
  time_from_file AS timeFromFile, camera_make AS cameraMake, camera_model AS cameraModel,
  camera_serial AS cameraSerial, width, height, sequence_no AS sequenceNo, sha256,
  (SELECT x.max_conf FROM detection_results x WHERE x.media_pk = media.media_pk ORDER BY x.run_id DESC LIMIT 1) AS maxConf,
  EXISTS (SELECT 1 FROM detection_results x WHERE x.media_pk = media.media_pk) AS processed`;

/** Empty: processed, and its latest result has nothing at or above the threshold. Unprocessed media stay in view. */
const emptyFilter = `NOT EXISTS (SELECT 1 FROM detection_results x WHERE x.media_pk = media.media_pk
  AND x.run_id = (SELECT MAX(y.run_id) FROM detection_results y WHERE y.media_pk = media.media_pk) AND COALESCE(x.max_conf, 0) < @threshold AND x.status = 'ok')`;

function toItem(row: MediaRow): MediaItem {
  const { timestampMs, takenAtOriginal, timeFromFile, processed, ...rest } = row;
  return { ...rest, timestamp: msToLocalTime(timestampMs), timestampOriginal: takenAtOriginal, timeFromFile: timeFromFile === 1, processed: processed === 1 };
}

/** One page of the grid, in time order, with totals so the grid can size its scroll area. */
export function mediaPage(db: Db, input: { deploymentID?: string | undefined; offset: number; limit: number; hideEmptyBelow?: number | undefined }): MediaPage {
  const conditions = [input.deploymentID ? 'deployment_id = @deploymentID' : null, input.hideEmptyBelow !== undefined ? emptyFilter : null].filter(Boolean);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const params = { deploymentID: input.deploymentID, offset: input.offset, limit: input.limit, threshold: input.hideEmptyBelow ?? 0 };
  const totals = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM media ${where}) AS total,
              (SELECT COUNT(*) FROM (SELECT 1 FROM media ${where} GROUP BY deployment_id, sequence_no)) AS sequences`,
    )
    .get(params) as { total: number; sequences: number };
  const rows = db
    .prepare(`SELECT ${columns} FROM media ${where} ORDER BY timestamp_ms, file_path LIMIT @limit OFFSET @offset`)
    .all(params) as MediaRow[];
  return { total: totals.total, sequences: totals.sequences, items: rows.map(toItem) };
}

export function findMedia(db: Db, mediaID: string): MediaItem | undefined {
  const row = db.prepare(`SELECT ${columns} FROM media WHERE media_id = ?`).get(mediaID) as MediaRow | undefined;
  return row ? toItem(row) : undefined;
}
