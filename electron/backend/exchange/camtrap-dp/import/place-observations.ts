import type { ObservationRow } from './package-rows.ts';
import type { Db } from '../../../library/db.ts';
import { nowIso } from '../../../library/ids.ts';
import { forgetUndone } from '../../../review/review-history.ts';
import type { Says } from '../../../rpc/messages.ts';
import { storeSays } from '../../../rpc/stored-says.ts';

type Placed = 'label' | 'box' | 'empty-result' | 'kept';

export interface PlacedCounts {
  observations: number;
  detectionRuns: number;
  detections: number;
  eventObservations: number;
  keptObservations: number;
}

export interface CopiedMediumRef {
  mediaPk: number;
  truncated: boolean;
}

const labelTypes = new Set(['animal', 'human', 'vehicle', 'blank', 'unknown']);
const boxCategory: Record<string, 'animal' | 'person' | 'vehicle'> = { animal: 'animal', human: 'person', vehicle: 'vehicle' };

/**
 * Where an observation row goes in the library. Only rows on a picture copied into the library
 * can be labels or boxes: a person's row becomes a label (the review's observations), a machine's
 * box becomes a detection of an imported run named after the model in classifiedBy, and a
 * machine's blank a result with nothing found. Everything else (event-level rows, rows on remote
 * media, a machine's label without a box, unclassified) is kept only as the package gave it.
 */
function placementOf(o: ObservationRow, copied: boolean): Placed {
  if (o.observationLevel !== 'media' || !copied) return 'kept';
  if (o.classificationMethod === 'machine') {
    if (o.observationType === 'blank') return 'empty-result';
    return o.bbox && boxCategory[o.observationType] ? 'box' : 'kept';
  }
  return labelTypes.has(o.observationType) ? 'label' : 'kept';
}

const utc = (ms: number): string => new Date(ms).toISOString();

/** Writes every observation row as given, and the labels, runs and boxes made from them; inside the import's transaction. */
export function placeObservations(db: Db, packageImportId: number, packageName: string, rows: ObservationRow[], copied: Map<string, CopiedMediumRef>): PlacedCounts {
  const counts: PlacedCounts = { observations: 0, detectionRuns: 0, detections: 0, eventObservations: 0, keptObservations: 0 };
  const at = nowIso();
  let actionId: number | null = null;
  const runs = new Map<string, number>();
  const results = new Set<string>();

  const insertLabel = db.prepare(
    `INSERT INTO observations (media_pk, detection_id, observation_type, scientific_name, count, false_detection, classified_by, created_at, action_id)
     VALUES (?, NULL, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const insertRun = db.prepare(
    `INSERT INTO detection_runs (model_id, model_name, model_version, default_threshold, keep_threshold, scope_json, state, runner, runner_reason, total, created_at, started_at, ended_at, imported_from)
     VALUES (?, ?, '', 0, 0, '{"onlyUnprocessed":false}', 'done', 'imported', ?, 0, ?, ?, ?, ?)`,
  );
  const insertRunMedia = db.prepare('INSERT INTO detection_run_media (run_id, media_pk) VALUES (?, ?)');
  const insertResult = db.prepare("INSERT INTO detection_results (run_id, media_pk, status, truncated, failure, max_conf, finished_at) VALUES (?, ?, 'ok', ?, NULL, 0, ?)");
  const insertBox = db.prepare('INSERT INTO detections (run_id, media_pk, category, conf, x, y, w, h) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // The species a model gave a box is its classification, as a classifier's in a MegaDetector file: never a person's label.
  const insertSpecies = db.prepare(
    `INSERT INTO classifications (run_id, media_pk, detection_id, kind, rank, label, description, observation_type, scientific_name, vernacular_name, conf, source)
     VALUES (?, ?, ?, 'ranked', 1, ?, NULL, ?, ?, (SELECT vernacular_name FROM species WHERE scientific_name = ?), ?, NULL)`,
  );
  const insertRow = db.prepare(
    `INSERT INTO package_observations (package_import_id, observation_id, deployment_id, media_id, event_id, event_start, event_end, observation_level,
       observation_type, scientific_name, count, bbox_x, bbox_y, bbox_width, bbox_height, classification_method, classified_by,
       classification_timestamp, classification_probability, fields_json, placed, observation_pk, detection_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const labelAction = (): number => {
    if (actionId === null) {
      forgetUndone(db);
      actionId = Number(db.prepare("INSERT INTO review_actions (kind, summary, created_at) VALUES ('label', ?, ?)").run(`Imported from ${packageName}`, at).lastInsertRowid);
    }
    return actionId;
  };
  const runFor = (model: string | null): number => {
    const name = model ?? 'unnamed model';
    let runId = runs.get(name);
    if (runId === undefined) {
      const reason: Says[] = [{ key: 'package-import-run-reason', values: { package: packageName } }];
      runId = Number(insertRun.run(`imported:${name}`.slice(0, 200), name, storeSays(reason), at, at, at, packageName).lastInsertRowid);
      runs.set(name, runId);
      counts.detectionRuns += 1;
    }
    return runId;
  };
  const resultFor = (runId: number, medium: CopiedMediumRef): void => {
    const key = `${runId}:${medium.mediaPk}`;
    if (results.has(key)) return;
    results.add(key);
    insertRunMedia.run(runId, medium.mediaPk);
    insertResult.run(runId, medium.mediaPk, medium.truncated ? 1 : 0, at);
  };

  for (const o of rows) {
    const medium = o.mediaID === null ? undefined : copied.get(o.mediaID);
    const placed = placementOf(o, medium !== undefined);
    let observationPk: number | null = null;
    let detectionId: number | null = null;
    if (placed === 'label' && medium) {
      const scientificName = o.observationType === 'blank' ? null : o.scientificName;
      const createdAt = o.classificationTimestamp ? utc(o.classificationTimestamp.ms) : at;
      observationPk = Number(insertLabel.run(medium.mediaPk, o.observationType, scientificName, o.observationType === 'blank' ? null : o.count, o.classifiedBy, createdAt, labelAction()).lastInsertRowid);
      counts.observations += 1;
    } else if ((placed === 'box' || placed === 'empty-result') && medium) {
      const runId = runFor(o.classifiedBy);
      resultFor(runId, medium);
      if (placed === 'box' && o.bbox) {
        const [x, y, w, h] = o.bbox;
        const conf = o.classificationProbability ?? 1;
        detectionId = Number(insertBox.run(runId, medium.mediaPk, boxCategory[o.observationType], conf, x, y, w, h).lastInsertRowid);
        if (o.scientificName) insertSpecies.run(runId, medium.mediaPk, detectionId, o.scientificName, o.observationType, o.scientificName, o.scientificName, conf);
        counts.detections += 1;
      }
    }
    if (placed === 'kept') counts.keptObservations += 1;
    if (o.observationLevel === 'event') counts.eventObservations += 1;
    const [bx, by, bw, bh] = o.bbox ?? [null, null, null, null];
    insertRow.run(
      packageImportId,
      o.observationID,
      o.deploymentID,
      o.mediaID,
      o.eventID,
      o.eventStart.text,
      o.eventEnd.text,
      o.observationLevel,
      o.observationType,
      o.scientificName,
      o.count,
      bx,
      by,
      bw,
      bh,
      o.classificationMethod,
      o.classifiedBy,
      o.classificationTimestamp?.text ?? null,
      o.classificationProbability,
      JSON.stringify(o.rest),
      placed,
      observationPk,
      detectionId,
    );
  }
  for (const runId of runs.values()) {
    db.prepare('UPDATE detection_runs SET total = (SELECT COUNT(*) FROM detection_run_media WHERE run_id = ?) WHERE run_id = ?').run(runId, runId);
    db.prepare('UPDATE detection_results SET max_conf = COALESCE((SELECT MAX(conf) FROM detections d WHERE d.run_id = detection_results.run_id AND d.media_pk = detection_results.media_pk), 0) WHERE run_id = ?').run(runId);
  }
  return counts;
}
