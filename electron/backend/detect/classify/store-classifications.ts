import { displayName, labelMeaning } from '../../exchange/results/machine-label.ts';
import type { Db } from '../../library/db.ts';
import type { WorkerClassification } from '../worker/protocol.ts';
import { combinePredictions, type EnsembleDetection, type Geofence } from './ensemble/index.ts';
import type { GeoRegion } from './region-of-media.ts';

/** What the species stage of a run needs to turn a worker's scores into predictions. */
export interface ClassifierContext {
  labels: readonly string[];
  geofence: Geofence | null;
  crop: 'crop' | 'full';
  /** Where a picture was taken, for geofencing: its deployment's country and admin1 region. */
  regionOf(mediaPk: number): GeoRegion;
}

/** A box the answers may be about, with its stored id. */
export interface ClassifiedBox extends EnsembleDetection {
  detectionId: number;
}

/**
 * Stores what the classifier said about a picture: for each crop, SpeciesNet's ensemble
 * prediction (rank 1, kind 'prediction') and the raw top scores (kind 'ranked'), replacing
 * whatever this run said about the picture before, so that a job resumed after a crash keeps
 * exactly one prediction per box. A label index the classifier's labels do not have is dropped.
 */
export function classificationWriter(db: Db, runId: number, context: ClassifierContext) {
  const clear = db.prepare('DELETE FROM classifications WHERE run_id = ? AND media_pk = ?');
  const insert = db.prepare(
    `INSERT INTO classifications (run_id, media_pk, detection_id, kind, rank, label, description, observation_type, scientific_name, vernacular_name, conf, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const row = (mediaPk: number, detectionId: number | null, kind: 'prediction' | 'ranked', rank: number, full: string, conf: number, source: string | null) => {
    const meaning = labelMeaning(full);
    insert.run(runId, mediaPk, detectionId, kind, rank, displayName(full), full, meaning.observationType, meaning.scientificName, meaning.vernacularName, conf, source);
  };
  /** `boxes` are the boxes the answers' indices point into; `all` every box of the picture, best first, for a whole-picture answer. */
  return (mediaPk: number, answers: readonly WorkerClassification[], boxes: readonly ClassifiedBox[], all: readonly EnsembleDetection[]): number => {
    clear.run(runId, mediaPk);
    const { country, admin1 } = context.regionOf(mediaPk);
    let stored = 0;
    for (const answer of answers) {
      const box = answer.box === null ? null : boxes[answer.box];
      if (answer.box !== null && !box) continue;
      const top = answer.top.filter(([index]) => index < context.labels.length);
      if (top.length === 0) continue;
      const classes = top.map(([index]) => context.labels[index] as string);
      const scores = top.map(([, score]) => score);
      const detections = box ? [{ category: box.category, conf: box.conf }] : [...all];
      const prediction = combinePredictions({ classifications: { classes, scores }, detections, country, admin1 }, { labels: context.labels, geofence: context.geofence });
      const detectionId = box?.detectionId ?? null;
      row(mediaPk, detectionId, 'prediction', 1, prediction.label, Math.min(1, Math.max(0, prediction.score)), prediction.source);
      classes.forEach((label, i) => row(mediaPk, detectionId, 'ranked', i + 1, label, scores[i] as number, null));
      stored += 1;
    }
    return stored;
  };
}

export type ClassificationWriter = ReturnType<typeof classificationWriter>;
