import type { BoxInfo, MediaDetections } from './contract.ts';
import type { Db } from '../library/db.ts';
import { readSays } from '../rpc/stored-says.ts';

/** The boxes of an image from its latest run, at or above a threshold (the run's default if none is given). */
export function mediaDetections(db: Db, mediaID: string, threshold: number | undefined): MediaDetections | null {
  const result = db
    .prepare(
      `SELECT x.run_id AS runId, r.model_name AS modelName, x.status, x.truncated, x.failure, r.default_threshold AS defaultThreshold, x.media_pk AS mediaPk
       FROM detection_results x JOIN detection_runs r ON r.run_id = x.run_id JOIN media m ON m.media_pk = x.media_pk
       WHERE m.media_id = ? ORDER BY x.run_id DESC LIMIT 1`,
    )
    .get(mediaID) as { runId: number; modelName: string; status: 'ok' | 'failed'; truncated: number; failure: string | null; defaultThreshold: number; mediaPk: number } | undefined;
  if (!result) return null;
  const min = threshold ?? result.defaultThreshold;
  const rows = db
    .prepare('SELECT detection_id AS detectionId, category, conf, x, y, w, h FROM detections WHERE media_pk = ? AND run_id = ? AND conf >= ? ORDER BY conf DESC')
    .all(result.mediaPk, result.runId, min) as { detectionId: number; category: BoxInfo['category']; conf: number; x: number; y: number; w: number; h: number }[];
  const failure = result.failure === null ? null : readSays(result.failure);
  return {
    runId: result.runId,
    modelName: result.modelName,
    status: result.status,
    truncated: result.truncated === 1,
    failure: failure?.text ?? null,
    ...(failure?.says ? { failureSays: failure.says } : {}),
    threshold: min,
    detections: rows.map((r) => ({ detectionId: r.detectionId, category: r.category, conf: r.conf, bbox: [r.x, r.y, r.w, r.h] })),
  };
}
