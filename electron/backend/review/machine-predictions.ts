import type { MediaPredictions, OpenPrediction, PredictedSpecies } from './contract.ts';
import type { Db } from '../library/db.ts';
import { onKeptBox } from '../library/media-predictions.ts';

/** An open prediction with what accepting it needs: where it came from and the model's own common name. */
export interface PendingPrediction extends OpenPrediction {
  runId: number;
  classifier: string;
  modelVernacular: string | null;
}

/** The classifier as people know it: "SpeciesNet 4.0.1a", its version added where the name lacks it. */
const classifierName = `COALESCE(r.classifier, r.model_name) || CASE WHEN r.classifier_version IS NULL OR instr(COALESCE(r.classifier, ''), r.classifier_version) > 0
  THEN '' ELSE ' ' || r.classifier_version END`;

/*
 * A picture's predictions come from the latest run that has any for it. A person's label always
 * wins: one on the whole picture hides every prediction of it, any label hides the prediction
 * for the whole picture, and a label on a box hides that box's. "No answer" is nothing to accept,
 * nor is the answer for a box below its run's threshold, which the viewer does not show.
 */
const openSql = `
  SELECT c.detection_id AS detectionId, c.scientific_name AS scientificName, c.observation_type AS observationType, c.conf, c.run_id AS runId,
         CASE WHEN c.observation_type = 'animal' THEN COALESCE(s.vernacular_name, c.vernacular_name, c.scientific_name) END AS name,
         c.vernacular_name AS modelVernacular,
         ${classifierName} AS classifier
  FROM classifications c
  JOIN detection_runs r ON r.run_id = c.run_id
  LEFT JOIN species s ON s.scientific_name = c.scientific_name
  WHERE c.media_pk = @pk AND c.kind = 'prediction' AND c.observation_type != 'unknown'
    AND c.run_id = (SELECT MAX(l.run_id) FROM classifications l WHERE l.media_pk = @pk AND l.kind = 'prediction') AND ${onKeptBox}
    AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.media_pk = @pk AND o.superseded_by IS NULL
                    AND (o.detection_id IS NULL OR c.detection_id IS NULL OR o.detection_id = c.detection_id))
  ORDER BY c.conf DESC, c.detection_id`;

export function openPredictions(db: Db, mediaPk: number): PendingPrediction[] {
  return db.prepare(openSql).all({ pk: mediaPk }) as PendingPrediction[];
}

/** For the viewer: what the model said about a picture that no person has labelled, and which model said it. */
export function mediaPredictions(db: Db, mediaID: string): MediaPredictions | null {
  const pk = db.prepare('SELECT media_pk FROM media WHERE media_id = ?').pluck().get(mediaID) as number | undefined;
  if (pk === undefined) return null;
  const open = openPredictions(db, pk);
  const run = db
    .prepare(
      `SELECT r.run_id AS runId, ${classifierName} AS classifier FROM detection_runs r
       WHERE r.run_id = (SELECT MAX(l.run_id) FROM classifications l WHERE l.media_pk = ? AND l.kind = 'prediction')`,
    )
    .get(pk) as { runId: number; classifier: string } | undefined;
  if (!run) return null;
  return { ...run, open: open.map(({ detectionId, name, scientificName, observationType, conf }) => ({ detectionId, name, scientificName, observationType, conf })) };
}

/** Every species a run predicted, by name, for the grid's filter (read from classifications_species). */
export function predictedSpecies(db: Db): PredictedSpecies[] {
  return db
    .prepare(
      `SELECT p.scientific_name AS scientificName, COALESCE(s.vernacular_name, (SELECT c.vernacular_name FROM classifications c
                WHERE c.kind = 'prediction' AND c.scientific_name = p.scientific_name AND c.vernacular_name IS NOT NULL LIMIT 1)) AS name
       FROM (SELECT DISTINCT scientific_name FROM classifications WHERE kind = 'prediction' AND scientific_name IS NOT NULL) p
       LEFT JOIN species s ON s.scientific_name = p.scientific_name
       ORDER BY COALESCE(name, scientificName) COLLATE NOCASE`,
    )
    .all() as PredictedSpecies[];
}
