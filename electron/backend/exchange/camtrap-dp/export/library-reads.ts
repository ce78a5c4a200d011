import type { Db } from '../../../library/db.ts';
import { classifierName, openPrediction } from '../../../library/machine-species.ts';

export interface MediumRow {
  mediaPk: number;
  mediaID: string;
  deploymentID: string;
  filePath: string;
  fileName: string;
  mime: string;
  sha256: string;
  size: number;
  timestampMs: number;
}

/** A person's label in force (not replaced, not undone). */
export interface LabelRow {
  observationId: number;
  detectionId: number | null;
  observationType: 'animal' | 'human' | 'vehicle' | 'blank' | 'unknown';
  scientificName: string | null;
  count: number | null;
  falseDetection: number;
  classifiedBy: string | null;
  createdAt: string;
  x: number | null;
  y: number | null;
  w: number | null;
  h: number | null;
}

export interface ResultRow {
  runId: number;
  status: 'ok' | 'failed';
  finishedAt: string;
  modelName: string;
  modelVersion: string;
  threshold: number;
}

export interface BoxRow {
  detectionId: number;
  category: 'animal' | 'person' | 'vehicle';
  conf: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A classifier's final answer on a picture or one of its boxes that no person has overruled (library/machine-species.ts). */
export interface PredictionRow {
  classificationId: number;
  runId: number;
  detectionId: number | null;
  scientificName: string;
  conf: number;
  classifiedBy: string;
  classifiedAt: string;
  /** The box it is about; null for the whole picture. */
  x: number | null;
  y: number | null;
  w: number | null;
  h: number | null;
}

export interface LibraryReads {
  /** The next page of a deployment's media in time order: a page at a time, so no read stays open while the export waits. */
  mediaAfter(deploymentID: string, after: { ms: number; path: string }, toMs: number, limit: number): MediumRow[];
  labels(mediaPk: number): LabelRow[];
  latestResult(mediaPk: number): ResultRow | undefined;
  boxes(mediaPk: number, runId: number, threshold: number): BoxRow[];
  predictions(mediaPk: number): PredictionRow[];
}

/** The prepared reads of an export: media in scope in time order, and per medium its labels, latest result and boxes. */
export function libraryReads(db: Db): LibraryReads {
  const media = db.prepare(
    `SELECT media_pk AS mediaPk, media_id AS mediaID, deployment_id AS deploymentID, file_path AS filePath, file_name AS fileName, mime, sha256, size,
            timestamp_ms AS timestampMs
     FROM media WHERE deployment_id = @deploymentID AND (timestamp_ms, file_path) > (@afterMs, @afterPath) AND timestamp_ms < @toMs
     ORDER BY timestamp_ms, file_path LIMIT @limit`,
  );
  const labels = db.prepare(
    `SELECT o.observation_id AS observationId, o.detection_id AS detectionId, o.observation_type AS observationType, o.scientific_name AS scientificName,
            o.count, o.false_detection AS falseDetection, o.classified_by AS classifiedBy, o.created_at AS createdAt, d.x, d.y, d.w, d.h
     FROM observations o LEFT JOIN detections d ON d.detection_id = o.detection_id
     WHERE o.media_pk = ? AND o.superseded_by IS NULL ORDER BY o.observation_id`,
  );
  const latestResult = db.prepare(
    `SELECT x.run_id AS runId, x.status, x.finished_at AS finishedAt, r.model_name AS modelName, r.model_version AS modelVersion, r.default_threshold AS threshold
     FROM detection_results x JOIN detection_runs r ON r.run_id = x.run_id WHERE x.media_pk = ? ORDER BY x.run_id DESC LIMIT 1`,
  );
  const boxes = db.prepare(
    'SELECT detection_id AS detectionId, category, conf, x, y, w, h, frame_number AS frame FROM detections WHERE media_pk = ? AND run_id = ? AND conf >= ? ORDER BY conf DESC, detection_id',
  );
  const predictions = db.prepare(
    `SELECT c.classification_id AS classificationId, c.run_id AS runId, c.detection_id AS detectionId, c.scientific_name AS scientificName, c.conf,
            ${classifierName} AS classifiedBy, COALESCE(x.classified_at, x.finished_at) AS classifiedAt, d.x, d.y, d.w, d.h
     FROM classifications c JOIN detection_runs r ON r.run_id = c.run_id JOIN detection_results x ON x.run_id = c.run_id AND x.media_pk = c.media_pk
       LEFT JOIN detections d ON d.detection_id = c.detection_id
     WHERE c.media_pk = ? AND ${openPrediction}
     ORDER BY c.detection_id IS NOT NULL, c.conf DESC, c.classification_id`,
  );
  return {
    mediaAfter: (deploymentID: string, after: { ms: number; path: string }, toMs: number, limit: number) =>
      media.all({ deploymentID, afterMs: after.ms, afterPath: after.path, toMs, limit }) as MediumRow[],
    labels: (mediaPk: number) => labels.all(mediaPk) as LabelRow[],
    latestResult: (mediaPk: number) => latestResult.get(mediaPk) as ResultRow | undefined,
    // A video's boxes come from many frames: it is observed once per class, by the frame the detector is surest of, as MegaDetector sums a video up.
    boxes: (mediaPk: number, runId: number, threshold: number) => {
      const all = (boxes.all(mediaPk, runId, threshold) as (BoxRow & { frame: number | null })[]).map(({ frame, ...box }) => ({ box, frame }));
      return all.filter((b, i) => b.frame === null || all.findIndex((o) => o.box.category === b.box.category) === i).map((b) => b.box);
    },
    predictions: (mediaPk: number) => predictions.all(mediaPk) as PredictionRow[],
  };
}
