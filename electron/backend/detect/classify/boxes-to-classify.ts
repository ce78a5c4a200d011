import type { Db } from '../../library/db.ts';

export interface BoxToClassify {
  detectionId: number;
  category: 'animal' | 'person' | 'vehicle';
  conf: number;
  bbox: [number, number, number, number];
}

/**
 * The boxes of a picture the classifier takes, in the order the worker is given them: animal
 * boxes at or above the threshold, best first. The same query, run again when the answer comes,
 * says which box each answer is for.
 */
export function boxesToClassify(db: Db, runId: number, mediaPk: number, threshold: number): BoxToClassify[] {
  return (
    db
      .prepare(
        `SELECT detection_id AS detectionId, category, conf, x, y, w, h FROM detections
         WHERE run_id = ? AND media_pk = ? AND category = 'animal' AND conf >= ? ORDER BY conf DESC, detection_id`,
      )
      .all(runId, mediaPk, threshold) as { detectionId: number; category: BoxToClassify['category']; conf: number; x: number; y: number; w: number; h: number }[]
  ).map((b) => ({ detectionId: b.detectionId, category: b.category, conf: b.conf, bbox: [b.x, b.y, b.w, b.h] }));
}
