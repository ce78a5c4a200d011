import type { Observation, ReviewAction, ReviewTarget } from './contract.ts';
import { forgetUndone } from './review-history.ts';
import type { Db } from '../library/db.ts';
import { nowIso } from '../library/ids.ts';
import { deploymentsOfMedia, recomputeEvents } from '../library/independent-events.ts';
import { StationError } from '../rpc/envelope.ts';

export interface Target {
  mediaPk: number;
  detectionId: number | null;
}

/** The media (and boxes) a target names; an empty or unknown target is refused in words. */
export function resolveTarget(db: Db, target: ReviewTarget): Target[] {
  let rows: Target[];
  if ('mediaIDs' in target) {
    const find = db.prepare('SELECT media_pk AS mediaPk FROM media WHERE media_id = ?');
    rows = [...new Set(target.mediaIDs)].map((id) => {
      const row = find.get(id) as { mediaPk: number } | undefined;
      if (!row) throw new StationError('not-found', 'medium-not-found', { id });
      return { mediaPk: row.mediaPk, detectionId: null };
    });
  } else if ('sequenceNo' in target) {
    rows = (db.prepare('SELECT media_pk AS mediaPk FROM media WHERE deployment_id = ? AND sequence_no = ? ORDER BY timestamp_ms').all(target.deploymentID, target.sequenceNo) as { mediaPk: number }[]).map((r) => ({
      mediaPk: r.mediaPk,
      detectionId: null,
    }));
    if (rows.length === 0) throw new StationError('not-found', 'sequence-not-found', { deploymentID: target.deploymentID, sequenceNo: target.sequenceNo });
  } else {
    const find = db.prepare('SELECT media_pk AS mediaPk, detection_id AS detectionId FROM detections WHERE detection_id = ?');
    rows = [...new Set(target.detectionIds)].map((id) => {
      const row = find.get(id) as Target | undefined;
      if (!row) throw new StationError('not-found', 'box-not-found', { id });
      return row;
    });
  }
  return rows;
}

export interface NewObservation {
  observationType: Observation['observationType'];
  scientificName: string | null;
  count: number | null;
  falseDetection: boolean;
  classifiedBy: string | null;
}

/** One review action, in one transaction: the same observation on every medium or box of the target. */
export function applyReview(db: Db, kind: ReviewAction['kind'], summary: string, target: ReviewTarget, obs: NewObservation): ReviewAction {
  if (obs.scientificName && !db.prepare('SELECT 1 FROM species WHERE scientific_name = ?').get(obs.scientificName)) {
    throw new StationError('not-found', 'species-not-in-list', { name: obs.scientificName });
  }
  return db.transaction(() => recordReview(db, kind, summary, resolveTarget(db, target).map((t) => ({ ...t, ...obs }))))();
}

/**
 * Called inside a transaction: a review action's rows, and the human observations they replace
 * (a label on a medium replaces that medium's labels; on a box, that box's). Nothing is deleted,
 * so undo and redo can put everything back, also after a restart.
 */
export function recordReview(db: Db, kind: ReviewAction['kind'], summary: string, rows: (Target & NewObservation)[]): ReviewAction {
  forgetUndone(db);
  const at = nowIso();
  const actionId = Number(db.prepare('INSERT INTO review_actions (kind, summary, created_at) VALUES (?, ?, ?)').run(kind, summary, at).lastInsertRowid);
  const supersedeMedia = db.prepare('UPDATE observations SET superseded_by = ? WHERE media_pk = ? AND detection_id IS NULL AND superseded_by IS NULL AND action_id != ?');
  const supersedeBox = db.prepare('UPDATE observations SET superseded_by = ? WHERE detection_id = ? AND superseded_by IS NULL AND action_id != ?');
  const insert = db.prepare(
    `INSERT INTO observations (media_pk, detection_id, observation_type, scientific_name, count, false_detection, classified_by, created_at, action_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const t of rows) {
    if (t.detectionId === null) supersedeMedia.run(actionId, t.mediaPk, actionId);
    else supersedeBox.run(actionId, t.detectionId, actionId);
    insert.run(t.mediaPk, t.detectionId, t.observationType, t.scientificName, t.count, t.falseDetection ? 1 : 0, t.classifiedBy, at, actionId);
  }
  for (const d of deploymentsOfMedia(db, rows.map((t) => t.mediaPk))) recomputeEvents(db, d);
  const named = rows.map((t) => t.scientificName).filter((n): n is string => n !== null).sort();
  return { actionId, kind, summary, createdAt: at, media: new Set(rows.map((t) => t.mediaPk)).size, scientificName: named[named.length - 1] ?? null };
}

export function mediaObservations(db: Db, mediaID: string): Observation[] {
  const rows = db
    .prepare(
      `SELECT o.observation_id AS observationId, m.media_id AS mediaID, o.detection_id AS detectionId, o.observation_type AS observationType,
              o.scientific_name AS scientificName, s.vernacular_name AS vernacularName, o.count, o.false_detection AS falseDetection,
              o.classified_by AS classifiedBy, o.created_at AS createdAt
       FROM observations o JOIN media m ON m.media_pk = o.media_pk LEFT JOIN species s ON s.scientific_name = o.scientific_name
       WHERE m.media_id = ? AND o.superseded_by IS NULL ORDER BY o.observation_id`,
    )
    .all(mediaID) as (Omit<Observation, 'falseDetection' | 'classificationMethod'> & { falseDetection: number })[];
  return rows.map((r) => ({ ...r, falseDetection: r.falseDetection === 1, classificationMethod: 'human' }));
}
