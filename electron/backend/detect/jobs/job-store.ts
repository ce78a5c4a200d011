import type { Db } from '../../library/db.ts';
import { nowIso } from '../../library/ids.ts';
import { localTimeToMs } from '../../library/local-time.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { Says } from '../../rpc/messages.ts';
import { readSays, storeSays } from '../../rpc/stored-says.ts';
import { resolveInside } from '../../safe-fs/inside-root.ts';
import type { Detection } from '../boxes.ts';
import { boxesToClassify } from '../classify/boxes-to-classify.ts';
import type { EnsembleDetection } from '../classify/ensemble/index.ts';
import type { ClassificationWriter } from '../classify/store-classifications.ts';
import type { DetectionScope, JobInfo } from '../contract.ts';
import { keepConfidence } from '../detector.ts';
import type { ModelManifest } from '../model-manifest.ts';
import type { JobManifest, WorkerClassification } from '../worker/protocol.ts';

// With a classifier, a picture is done once it is classified too (or failed).
const jobColumns = `r.run_id AS runId, r.scope_json AS scopeJson, r.owner_pid AS ownerPid, r.results_offset AS resultsOffset, r.model_id AS modelID, r.model_name AS modelName, r.model_version AS modelVersion,
  CASE WHEN r.classifier_id IS NULL THEN NULL ELSE r.classifier END AS classifierName, r.classifier_version AS classifierVersion,
  r.state, r.runner, r.runner_reason AS runnerReason, r.message, r.total, r.created_at AS createdAt,
  r.started_at AS startedAt, r.ended_at AS endedAt,
  (SELECT COUNT(*) FROM detection_results x WHERE x.run_id = r.run_id AND (r.classifier_id IS NULL OR x.status = 'failed' OR x.classified_at IS NOT NULL)) AS done,
  (SELECT COUNT(*) FROM detection_results x WHERE x.run_id = r.run_id AND x.status = 'failed') AS failed`;

/** As stored: runnerReason and message are kept as message keys (storeSays), or as English in jobs from before. */
export type JobRow = Omit<JobInfo, 'scope' | 'runnerReasonSays' | 'messageSays'> & { scopeJson: string; ownerPid: number | null; resultsOffset: number };

/** A stored text in English, and as keys when it was kept as keys. */
function read(stored: string | null): { text: string | null; says?: Says[] } {
  return stored === null ? { text: null } : readSays(stored);
}

function toJob({ scopeJson, ownerPid: _ownerPid, resultsOffset: _offset, runnerReason, message, ...row }: JobRow): JobInfo {
  const reason = read(runnerReason);
  const said = read(message);
  return {
    ...row,
    runnerReason: reason.text,
    ...(reason.says ? { runnerReasonSays: reason.says } : {}),
    message: said.text,
    ...(said.says ? { messageSays: said.says } : {}),
    scope: JSON.parse(scopeJson) as DetectionScope,
  };
}

export function getJob(db: Db, runId: number): JobInfo {
  return toJob(jobRow(db, runId));
}

/** With the process that runs it, to tell a job running elsewhere from one a crash left behind. */
export function jobRow(db: Db, runId: number): JobRow {
  const row = db.prepare(`SELECT ${jobColumns} FROM detection_runs r WHERE r.run_id = ?`).get(runId) as JobRow | undefined;
  if (!row) throw new StationError('not-found', 'detection-job-missing', { runId });
  return row;
}

export function listJobs(db: Db): JobInfo[] {
  return (db.prepare(`SELECT ${jobColumns} FROM detection_runs r ORDER BY r.run_id DESC LIMIT 100`).all() as JobRow[]).map(toJob);
}

/** The media a scope names, in time order; a snapshot taken when the job is made. */
export function createJob(db: Db, manifest: ModelManifest, scope: DetectionScope, runner: { name: string; says: Says[] }, classifier: JobClassifier | null = null): JobInfo {
  const where = ["m.media_type IN ('image', 'video')"];
  const params: Record<string, unknown> = { modelID: manifest.id };
  if (scope.deploymentID) {
    where.push('m.deployment_id = @deploymentID');
    params.deploymentID = scope.deploymentID;
  }
  if (scope.importId) {
    where.push('m.import_id = @importId');
    params.importId = scope.importId;
  }
  if (scope.from) {
    where.push('m.timestamp_ms >= @from');
    params.from = localTimeToMs(scope.from.length === 10 ? `${scope.from} 00:00:00` : scope.from);
  }
  if (scope.to) {
    where.push('m.timestamp_ms <= @to');
    params.to = localTimeToMs(scope.to.length === 10 ? `${scope.to} 23:59:59.999` : scope.to);
  }
  if (scope.onlyUnprocessed) {
    where.push(`NOT EXISTS (SELECT 1 FROM detection_results x JOIN detection_runs y ON y.run_id = x.run_id
      WHERE x.media_pk = m.media_pk AND y.model_id = @modelID AND x.status = 'ok')`);
  }
  return db.transaction(() => {
    const runId = Number(
      db
        .prepare(
          `INSERT INTO detection_runs (model_id, model_name, model_version, default_threshold, keep_threshold, scope_json, state, runner, runner_reason, total, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, 0, ?)`,
        )
        .run(manifest.id, manifest.name, manifest.version, manifest.defaultThreshold, keepConfidence, JSON.stringify(scope), runner.name, storeSays(runner.says), nowIso()).lastInsertRowid,
    );
    const added = db
      .prepare(`INSERT INTO detection_run_media (run_id, media_pk) SELECT @runId, m.media_pk FROM media m WHERE ${where.join(' AND ')} ORDER BY m.timestamp_ms`)
      .run({ ...params, runId }).changes;
    db.prepare('UPDATE detection_runs SET total = ? WHERE run_id = ?').run(added, runId);
    if (classifier) setClassifier(db, runId, classifier);
    return getJob(db, runId);
  })();
}

/** The species stage of a job: which classifier, how it crops, and the detector confidence a box needs. */
export interface JobClassifier {
  id: string;
  name: string;
  version: string;
  crop: 'crop' | 'full';
  threshold: number;
}

/** Gives a run a classifier: every picture it has found boxes in is to be classified (again). */
export function setClassifier(db: Db, runId: number, c: JobClassifier): void {
  db.transaction(() => {
    db.prepare('UPDATE detection_runs SET classifier = ?, classifier_id = ?, classifier_version = ?, classify_crop = ?, classify_threshold = ? WHERE run_id = ?').run(c.name, c.id, c.version, c.crop, c.threshold, runId);
    db.prepare('UPDATE detection_results SET classified_at = NULL, classify_failure = NULL WHERE run_id = ?').run(runId);
  })();
}

/**
 * A run ended, given a classifier: it is queued again to classify what it found. The one way
 * back from done, and only for this: the boxes it found stay as they are.
 */
export function reopenWithClassifier(db: Db, runId: number, c: JobClassifier): void {
  db.transaction(() => {
    setClassifier(db, runId, c);
    db.prepare("UPDATE detection_runs SET state = 'queued', message = NULL, ended_at = NULL WHERE run_id = ?").run(runId);
  })();
}

/** The species stage of a run, as stored; null when the run has none. */
export function runClassifier(db: Db, runId: number): (JobClassifier & { id: string }) | null {
  const row = db
    .prepare('SELECT classifier_id AS id, classifier AS name, classifier_version AS version, classify_crop AS crop, classify_threshold AS threshold FROM detection_runs WHERE run_id = ?')
    .get(runId) as { id: string | null; name: string; version: string; crop: 'crop' | 'full'; threshold: number } | undefined;
  return row?.id ? { ...row, id: row.id } : null;
}

export type PendingItem = JobManifest['items'][number];

/**
 * What a job still has to do: its media without a result, each with the path of its file, then,
 * when it has a classifier, those with a result not yet classified, with the boxes to classify.
 * A picture with no box for the classifier is marked classified at once. A path the library's
 * database gives that would lead outside the library is not handed to a worker: that image is
 * recorded as failed, with the reason.
 */
export function pendingItems(db: Db, libraryRoot: string, runId: number): PendingItem[] {
  const classifier = runClassifier(db, runId);
  const rows = db
    .prepare(
      `SELECT j.media_pk AS mediaPk, m.file_path AS filePath, m.media_type AS mediaType, 0 AS detected FROM detection_run_media j JOIN media m ON m.media_pk = j.media_pk
       WHERE j.run_id = ? AND NOT EXISTS (SELECT 1 FROM detection_results x WHERE x.run_id = j.run_id AND x.media_pk = j.media_pk)
       UNION ALL
       SELECT x.media_pk, m.file_path, m.media_type, 1 FROM detection_results x JOIN media m ON m.media_pk = x.media_pk
       WHERE x.run_id = ? AND ? AND x.status = 'ok' AND x.classified_at IS NULL
       ORDER BY detected, 1`,
    )
    .all(runId, runId, classifier ? 1 : 0) as { mediaPk: number; filePath: string; mediaType: 'image' | 'video'; detected: number }[];
  const items: PendingItem[] = [];
  const refused: IncomingResult[] = [];
  const nothingToClassify: number[] = [];
  for (const r of rows) {
    let boxes: PendingItem['boxes'];
    // The species stage takes stills only: a video found earlier has nothing more to do.
    if (r.detected && r.mediaType === 'video') {
      nothingToClassify.push(r.mediaPk);
      continue;
    }
    if (r.detected && classifier) {
      boxes = classifier.crop === 'full' ? [] : boxesToClassify(db, runId, r.mediaPk, classifier.threshold).map((b) => ({ bbox: b.bbox }));
      if (classifier.crop === 'crop' && boxes.length === 0) {
        nothingToClassify.push(r.mediaPk);
        continue;
      }
    }
    try {
      items.push({ mediaPk: r.mediaPk, path: resolveInside(libraryRoot, r.filePath), ...(r.mediaType === 'video' ? { video: true } : {}), ...(boxes ? { boxes } : {}) });
    } catch (err) {
      refused.push({ mediaPk: r.mediaPk, ok: false, says: [err instanceof StationError && err.says ? err.says : { key: 'detect-image-failed', values: { detail: (err as Error).message } }] });
    }
  }
  if (nothingToClassify.length > 0) markClassified(db, runId, nothingToClassify);
  if (refused.length > 0) resultWriter(db, runId)(refused);
  return items;
}

function markClassified(db: Db, runId: number, mediaPks: number[]): void {
  const mark = db.prepare('UPDATE detection_results SET classified_at = ? WHERE run_id = ? AND media_pk = ?');
  const at = nowIso();
  db.transaction(() => {
    for (const pk of mediaPks) mark.run(at, runId, pk);
  })();
}

/**
 * A result from a worker: found boxes (and what the classifier said of them), a failure, or,
 * for a picture found by an earlier run, what the classifier said of its boxes. A failure's reason
 * is stored as message keys, so it can be shown in the reader's language later.
 */
export type IncomingResult =
  | { mediaPk: number; ok: true; truncated: boolean; detections: Detection[]; classifications?: WorkerClassification[]; video?: { frameRate: number; framesProcessed: number[] } }
  | { mediaPk: number; ok: false; says: Says[] }
  | { mediaPk: number; ok: true; classified: WorkerClassification[] };

/**
 * Writes results in one transaction. A result that is already there (a worker restarted on an
 * image whose result had arrived) is ignored with its boxes: one result per image per run.
 */
export type ResultWriter = (results: IncomingResult[]) => { added: number; failed: number };

/** How a run's classifications are stored; absent for a run without a classifier. */
export interface ClassifyWriting {
  write: ClassificationWriter;
  threshold: number;
}

export function resultWriter(db: Db, runId: number, classify?: ClassifyWriting): ResultWriter {
  const insertResult = db.prepare(
    `INSERT OR IGNORE INTO detection_results (run_id, media_pk, status, truncated, failure, max_conf, finished_at, classified_at, frame_rate, frames_processed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBox = db.prepare('INSERT INTO detections (run_id, media_pk, category, conf, x, y, w, h, frame_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const inJob = db.prepare('SELECT 1 FROM detection_run_media WHERE run_id = ? AND media_pk = ?').pluck();
  const toClassify = db.prepare("SELECT 1 FROM detection_results WHERE run_id = ? AND media_pk = ? AND status = 'ok' AND classified_at IS NULL").pluck();
  const classified = db.prepare('UPDATE detection_results SET classified_at = ?, classify_failure = ? WHERE run_id = ? AND media_pk = ?');
  const allBoxes = db.prepare('SELECT category, conf FROM detections WHERE run_id = ? AND media_pk = ? ORDER BY conf DESC');
  /** Returns how many results were new, and how many of those were failures. A result for media outside the job is dropped: a worker cannot attach results to other pictures. */
  return db.transaction((results: IncomingResult[]): { added: number; failed: number } => {
    const at = nowIso();
    let added = 0;
    let failed = 0;
    for (const r of results) {
      if (inJob.get(runId, r.mediaPk) === undefined) continue;
      const awaitsClassifier = classify !== undefined && toClassify.get(runId, r.mediaPk) !== undefined;
      if ('classified' in r) {
        if (!classify || !awaitsClassifier) continue;
        const boxes = boxesToClassify(db, runId, r.mediaPk, classify.threshold);
        classify.write(r.mediaPk, r.classified, boxes, allBoxes.all(runId, r.mediaPk) as EnsembleDetection[]);
        classified.run(at, null, runId, r.mediaPk);
        added += 1;
        continue;
      }
      if (!r.ok) {
        // A picture found earlier that the classifier could not take keeps its boxes; the reason is kept.
        if (awaitsClassifier) {
          classified.run(at, storeSays(r.says), runId, r.mediaPk);
          added += 1;
          continue;
        }
        const n = insertResult.run(runId, r.mediaPk, 'failed', 0, storeSays(r.says), null, at, null, null, null).changes;
        added += n;
        failed += n;
        continue;
      }
      const maxConf = r.detections.reduce((m, d) => Math.max(m, d.conf), 0);
      const frames = r.video ? [r.video.frameRate, JSON.stringify(r.video.framesProcessed)] : [null, null];
      if (insertResult.run(runId, r.mediaPk, 'ok', r.truncated ? 1 : 0, null, maxConf, at, classify ? at : null, ...frames).changes === 0) continue;
      added += 1;
      const ids = r.detections.map((d) => Number(insertBox.run(runId, r.mediaPk, d.category, d.conf, ...d.bbox, d.frame ?? null).lastInsertRowid));
      if (classify && r.classifications) {
        const boxes = r.detections.map((d, i) => ({ detectionId: ids[i] as number, category: d.category, conf: d.conf }));
        classify.write(r.mediaPk, r.classifications, boxes, [...r.detections].sort((a, b) => b.conf - a.conf));
      }
    }
    return { added, failed };
  });
}

export function setRunner(db: Db, runId: number, runner: string, reason: Says[]): void {
  db.prepare('UPDATE detection_runs SET runner = ?, runner_reason = ? WHERE run_id = ?').run(runner, storeSays(reason), runId);
}

/** How far a container's results file has been read, so a restart goes on from there. */
export function setResultsOffset(db: Db, runId: number, offset: number, containerId: string | null): void {
  db.prepare('UPDATE detection_runs SET results_offset = ?, container_id = COALESCE(?, container_id) WHERE run_id = ?').run(offset, containerId, runId);
}
