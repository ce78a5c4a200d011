import type { MediaItem, MediaPage } from './contract.ts';
import type { Db } from './db.ts';
import { msToLocalTime } from './local-time.ts';
import { orderBy, parseSuggestions, predictedFilter, suggestionsColumn, type MediaSort } from './media-predictions.ts';

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
  durationS: number | null;
  frameRate: number | null;
  frameCount: number | null;
  videoCodec: string | null;
  sequenceNo: number | null;
  sha256: string;
  maxConf: number | null;
  processed: number;
  labels: string | null;
  reviewed: number;
  cameraProblem: number;
  suggestions: string | null;
}

const columns = `media_id AS mediaID, deployment_id AS deploymentID, file_name AS fileName, file_path AS filePath,
  media_type AS mediaType, timestamp_ms AS timestampMs, taken_at_original AS takenAtOriginal,
  time_from_file AS timeFromFile, camera_make AS cameraMake, camera_model AS cameraModel,
  camera_serial AS cameraSerial, width, height, duration_s AS durationS, frame_rate AS frameRate, frame_count AS frameCount,
  video_codec AS videoCodec, sequence_no AS sequenceNo, sha256,
  (SELECT x.max_conf FROM detection_results x WHERE x.media_pk = media.media_pk ORDER BY x.run_id DESC LIMIT 1) AS maxConf,
  EXISTS (SELECT 1 FROM detection_results x WHERE x.media_pk = media.media_pk) AS processed,
  (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT COALESCE(s.vernacular_name, o.scientific_name) AS name FROM observations o
     LEFT JOIN species s ON s.scientific_name = o.scientific_name
     WHERE o.media_pk = media.media_pk AND o.superseded_by IS NULL AND o.scientific_name IS NOT NULL)) AS labels,
  EXISTS (SELECT 1 FROM observations o WHERE o.media_pk = media.media_pk AND o.superseded_by IS NULL) AS reviewed,
  EXISTS (SELECT 1 FROM camera_problems p WHERE p.deployment_id = media.deployment_id AND p.from_ms <= media.timestamp_ms AND p.to_ms > media.timestamp_ms) AS cameraProblem,
  ${suggestionsColumn}`;

/** Empty: processed, and its latest result has nothing at or above the threshold. Unprocessed media stay in view. */
const emptyFilter = `NOT EXISTS (SELECT 1 FROM detection_results x WHERE x.media_pk = media.media_pk
  AND x.run_id = (SELECT MAX(y.run_id) FROM detection_results y WHERE y.media_pk = media.media_pk) AND COALESCE(x.max_conf, 0) < @threshold AND x.status = 'ok')`;

function toItem(row: MediaRow): MediaItem {
  const { timestampMs, takenAtOriginal, timeFromFile, processed, labels, reviewed, cameraProblem, suggestions, ...rest } = row;
  return {
    ...rest,
    timestamp: msToLocalTime(timestampMs),
    timestampOriginal: takenAtOriginal,
    timeFromFile: timeFromFile === 1,
    processed: processed === 1,
    // Unit separator between names: a common name may hold a comma.
    labels: labels ? labels.split('\u001f') : [],
    reviewed: reviewed === 1,
    cameraProblem: cameraProblem === 1,
    suggestions: parseSuggestions(suggestions),
  };
}

/** One page of the grid, in time order, with totals so the grid can size its scroll area. */
export interface MediaFilter {
  deploymentID?: string | undefined;
  offset: number;
  limit: number;
  hideEmptyBelow?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  category?: 'animal' | 'person' | 'vehicle' | undefined;
  threshold?: number | undefined;
  scientificName?: string | undefined;
  reviewed?: boolean | undefined;
  predicted?: string | undefined;
  sort?: MediaSort | undefined;
}

const categoryFilter = `EXISTS (SELECT 1 FROM detections d JOIN detection_runs r ON r.run_id = d.run_id WHERE d.media_pk = media.media_pk
  AND d.category = @category AND d.conf >= COALESCE(@catThreshold, r.default_threshold))`;
const speciesFilter = 'EXISTS (SELECT 1 FROM observations o WHERE o.media_pk = media.media_pk AND o.superseded_by IS NULL AND o.scientific_name = @scientificName)';
const reviewedFilter = 'EXISTS (SELECT 1 FROM observations o WHERE o.media_pk = media.media_pk AND o.superseded_by IS NULL)';

export function mediaPage(db: Db, input: MediaFilter): MediaPage {
  const conditions = [
    input.deploymentID ? 'deployment_id = @deploymentID' : null,
    input.hideEmptyBelow !== undefined ? emptyFilter : null,
    input.from ? 'timestamp_ms >= @fromMs' : null,
    input.to ? 'timestamp_ms <= @toMs' : null,
    input.category ? categoryFilter : null,
    input.scientificName ? speciesFilter : null,
    input.reviewed === true ? reviewedFilter : input.reviewed === false ? `NOT ${reviewedFilter}` : null,
    input.predicted ? predictedFilter : null,
  ].filter(Boolean);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const whereVideos = `WHERE ${[...conditions, "media_type = 'video'"].join(' AND ')}`;
  const params = {
    deploymentID: input.deploymentID,
    offset: input.offset,
    limit: input.limit,
    threshold: input.hideEmptyBelow ?? 0,
    fromMs: input.from ? Date.parse(`${input.from}T00:00:00Z`) : 0,
    toMs: input.to ? Date.parse(`${input.to}T23:59:59.999Z`) : 0,
    category: input.category ?? null,
    catThreshold: input.threshold ?? null,
    scientificName: input.scientificName ?? null,
    predicted: input.predicted ?? null,
  };
  const totals = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM media ${where}) AS total,
              (SELECT COUNT(*) FROM media ${whereVideos}) AS videos,
              (SELECT COUNT(*) FROM (SELECT 1 FROM media ${where} GROUP BY deployment_id, sequence_no)) AS sequences`,
    )
    .get(params) as { total: number; videos: number; sequences: number };
  const sort = input.sort ?? 'time';
  const rows =
    sort === 'time'
      ? (db.prepare(`SELECT ${columns} FROM media ${where} ORDER BY timestamp_ms, file_path LIMIT @limit OFFSET @offset`).all(params) as MediaRow[])
      : sortedRows(db, where, params, sort);
  return { total: totals.total, videos: totals.videos, sequences: totals.sequences, items: rows.map(toItem) };
}

/** Sorted by a prediction: the page's media first, so that the columns are read for one page only, not for every picture sorted. */
function sortedRows(db: Db, where: string, params: Record<string, unknown>, sort: MediaSort): MediaRow[] {
  const pks = db.prepare(`SELECT media_pk FROM media ${where} ORDER BY ${orderBy(sort)} LIMIT @limit OFFSET @offset`).pluck().all(params) as number[];
  const one = db.prepare(`SELECT ${columns} FROM media WHERE media_pk = ?`);
  return pks.map((pk) => one.get(pk) as MediaRow);
}

export function findMedia(db: Db, mediaID: string): MediaItem | undefined {
  const row = db.prepare(`SELECT ${columns} FROM media WHERE media_id = ?`).get(mediaID) as MediaRow | undefined;
  return row ? toItem(row) : undefined;
}
