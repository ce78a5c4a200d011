import type { BoxInfo, MediaDetections } from './contract.ts';
import type { Db } from '../library/db.ts';
import { readSays } from '../rpc/stored-says.ts';

/**
 * The boxes of a picture or a video from its latest run, at or above a threshold (the run's default
 * if none is given); a video's boxes with their frames and its frame rate.
 */
export function mediaDetections(db: Db, mediaID: string, threshold: number | undefined): MediaDetections | null {
  const result = db
    .prepare(
      `SELECT x.run_id AS runId, r.model_name AS modelName, x.status, x.truncated, x.failure, r.default_threshold AS defaultThreshold, x.media_pk AS mediaPk,
         x.frame_rate AS frameRate, x.frames_processed AS framesProcessed
       FROM detection_results x JOIN detection_runs r ON r.run_id = x.run_id JOIN media m ON m.media_pk = x.media_pk
       WHERE m.media_id = ? ORDER BY x.run_id DESC LIMIT 1`,
    )
    .get(mediaID) as
    | { runId: number; modelName: string; status: 'ok' | 'failed'; truncated: number; failure: string | null; defaultThreshold: number; mediaPk: number; frameRate: number | null; framesProcessed: string | null }
    | undefined;
  if (!result) return null;
  const min = threshold ?? result.defaultThreshold;
  const rows = db
    .prepare('SELECT detection_id AS detectionId, category, conf, x, y, w, h, frame_number AS frame FROM detections WHERE media_pk = ? AND run_id = ? AND conf >= ? ORDER BY conf DESC')
    .all(result.mediaPk, result.runId, min) as { detectionId: number; category: BoxInfo['category']; conf: number; x: number; y: number; w: number; h: number; frame: number | null }[];
  const frames = framesOf(result.framesProcessed);
  const failure = result.failure === null ? null : readSays(result.failure);
  return {
    runId: result.runId,
    modelName: result.modelName,
    status: result.status,
    truncated: result.truncated === 1,
    failure: failure?.text ?? null,
    ...(failure?.says ? { failureSays: failure.says } : {}),
    threshold: min,
    detections: rows.map((r) => ({ detectionId: r.detectionId, category: r.category, conf: r.conf, bbox: [r.x, r.y, r.w, r.h], ...(r.frame !== null ? { frame: r.frame } : {}) })),
    ...(result.frameRate !== null ? { frameRate: result.frameRate } : {}),
    ...(frames ? { framesProcessed: frames } : {}),
  };
}

/** The stored list of a video's examined frames; a library from elsewhere may hold anything there, which is then left out. */
function framesOf(stored: string | null): number[] | null {
  if (stored === null) return null;
  try {
    const frames: unknown = JSON.parse(stored);
    return Array.isArray(frames) && frames.every((f) => Number.isInteger(f) && (f as number) >= 0) ? (frames as number[]) : null;
  } catch {
    return null;
  }
}
