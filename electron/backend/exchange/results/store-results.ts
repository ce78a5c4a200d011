import path from 'node:path';
import type { Matching } from './match-entries.ts';
import type { MachineLabel, ResultsFile } from './results-file.ts';
import type { Db } from '../../library/db.ts';
import { nowIso } from '../../library/ids.ts';
import { recomputeEvents } from '../../library/independent-events.ts';
import { storeSays } from '../../rpc/stored-says.ts';

/** Large "info" fields (MegaDetector's HTML summary report) are not worth keeping in every library. */
const infoLimit = 64 * 1024;

function infoJson(info: Record<string, unknown>): string {
  const json = JSON.stringify(info);
  if (json.length <= infoLimit) return json;
  const { summary_report: _dropped, ...rest } = info;
  const smaller = JSON.stringify(rest);
  return smaller.length <= infoLimit ? smaller : '{}';
}

function describeFormat(results: ResultsFile): string {
  return results.format === 'speciesnet' ? 'SpeciesNet predictions' : `MegaDetector ${results.formatVersion ?? '1.0'}`;
}

export interface Stored {
  runId: number;
  boxes: number;
  labels: number;
  deployments: string[];
}

/**
 * A results file as a finished detection run marked as imported, in one transaction with the
 * events it changes: its detector and thresholds, one result per matched picture, the boxes
 * with their video frames, and what a classifier said.
 */
export function storeResults(db: Db, file: string, results: ResultsFile, matching: Matching, threshold: number): Stored {
  const at = nowIso();
  const d = results.detector;
  const insertRun = db.prepare(
    `INSERT INTO detection_runs (model_id, model_name, model_version, default_threshold, keep_threshold, scope_json, state, runner, runner_reason, total,
       created_at, started_at, ended_at, imported_from, classifier, conservative_threshold, info_json)
     VALUES (?, ?, ?, ?, ?, ?, 'done', 'imported', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare('INSERT INTO detection_run_media (run_id, media_pk) VALUES (?, ?)');
  const insertResult = db.prepare(
    'INSERT INTO detection_results (run_id, media_pk, status, truncated, failure, max_conf, finished_at, frame_rate, frames_processed) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)',
  );
  const insertBox = db.prepare('INSERT INTO detections (run_id, media_pk, category, conf, x, y, w, h, frame_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertLabel = db.prepare(
    `INSERT INTO classifications (run_id, media_pk, detection_id, kind, rank, label, description, observation_type, scientific_name, vernacular_name, conf, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction((): Stored => {
    const name = path.basename(file);
    const reason = storeSays([{ key: 'results-imported-from', values: { file: name, format: describeFormat(results) } }]);
    const runId = Number(
      insertRun.run(
        d.modelID, d.modelName, d.modelVersion, threshold, Math.min(d.keepThreshold, threshold), JSON.stringify({ onlyUnprocessed: false }), reason,
        matching.matched.length, at, at, at, name, results.classifier, d.conservativeThreshold, infoJson(results.info),
      ).lastInsertRowid,
    );
    let boxes = 0;
    let labels = 0;
    const label = (mediaPk: number, detectionId: number | null, l: MachineLabel) => {
      insertLabel.run(runId, mediaPk, detectionId, l.kind, l.rank, l.label, l.description, l.observationType, l.scientificName, l.vernacularName, l.conf, l.source);
      labels += 1;
    };
    const deployments = new Set<string>();
    for (const { entry, media } of matching.matched) {
      deployments.add(media.deploymentID);
      insertMember.run(runId, media.mediaPk);
      const failure = entry.failure === null ? null : storeSays([{ key: 'results-failure-in-file', values: { detail: entry.failure } }]);
      const maxConf = entry.failure === null ? entry.boxes.reduce((m, b) => Math.max(m, b.conf), 0) : null;
      const frames = entry.framesProcessed === null ? null : JSON.stringify(entry.framesProcessed);
      insertResult.run(runId, media.mediaPk, entry.failure === null ? 'ok' : 'failed', failure, maxConf, at, entry.frameRate, frames);
      for (const b of entry.boxes) {
        const detectionId = Number(insertBox.run(runId, media.mediaPk, b.category, b.conf, ...b.bbox, b.frameNumber).lastInsertRowid);
        boxes += 1;
        for (const l of b.labels) label(media.mediaPk, detectionId, l);
      }
      for (const l of entry.labels) label(media.mediaPk, null, l);
    }
    for (const id of deployments) recomputeEvents(db, id);
    return { runId, boxes, labels, deployments: [...deployments].sort() };
  })();
}
