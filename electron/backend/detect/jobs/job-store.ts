import type { Db } from '../../library/db.ts';
import { nowIso } from '../../library/ids.ts';
import { localTimeToMs } from '../../library/local-time.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { Says } from '../../rpc/messages.ts';
import { readSays, storeSays } from '../../rpc/stored-says.ts';
import { resolveInside } from '../../safe-fs/inside-root.ts';
import type { Detection } from '../boxes.ts';
import type { DetectionScope, JobInfo } from '../contract.ts';
import { keepConfidence } from '../detector.ts';
import type { ModelManifest } from '../model-manifest.ts';

const jobColumns = `r.run_id AS runId, r.scope_json AS scopeJson, r.owner_pid AS ownerPid, r.results_offset AS resultsOffset, r.model_id AS modelID, r.model_name AS modelName, r.model_version AS modelVersion,
  r.state, r.runner, r.runner_reason AS runnerReason, r.message, r.total, r.created_at AS createdAt,
  r.started_at AS startedAt, r.ended_at AS endedAt,
  (SELECT COUNT(*) FROM detection_results x WHERE x.run_id = r.run_id) AS done,
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
export function createJob(db: Db, manifest: ModelManifest, scope: DetectionScope, runner: { name: string; says: Says[] }): JobInfo {
  const where = ["m.media_type = 'image'"];
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
    return getJob(db, runId);
  })();
}

/**
 * What a job still has to do: its media without a result, each with the path of its file. A
 * path the library's database gives that would lead outside the library is not handed to a
 * worker: that image is recorded as failed, with the reason.
 */
export function pendingItems(db: Db, libraryRoot: string, runId: number): { mediaPk: number; path: string }[] {
  const rows = db
    .prepare(
      `SELECT j.media_pk AS mediaPk, m.file_path AS filePath FROM detection_run_media j JOIN media m ON m.media_pk = j.media_pk
       WHERE j.run_id = ? AND NOT EXISTS (SELECT 1 FROM detection_results x WHERE x.run_id = j.run_id AND x.media_pk = j.media_pk)
       ORDER BY m.timestamp_ms, m.media_pk`,
    )
    .all(runId) as { mediaPk: number; filePath: string }[];
  const items: { mediaPk: number; path: string }[] = [];
  const refused: IncomingResult[] = [];
  for (const r of rows) {
    try {
      items.push({ mediaPk: r.mediaPk, path: resolveInside(libraryRoot, r.filePath) });
    } catch (err) {
      refused.push({ mediaPk: r.mediaPk, ok: false, says: [err instanceof StationError && err.says ? err.says : { key: 'detect-image-failed', values: { detail: (err as Error).message } }] });
    }
  }
  if (refused.length > 0) resultWriter(db, runId)(refused);
  return items;
}

/** A failure's reason is stored as message keys, so it can be shown in the reader's language later. */
export type IncomingResult = { mediaPk: number; ok: true; truncated: boolean; detections: Detection[] } | { mediaPk: number; ok: false; says: Says[] };

/**
 * Writes results in one transaction. A result that is already there (a worker restarted on an
 * image whose result had arrived) is ignored with its boxes: one result per image per run.
 */
export type ResultWriter = (results: IncomingResult[]) => { added: number; failed: number };

export function resultWriter(db: Db, runId: number): ResultWriter {
  const insertResult = db.prepare(
    'INSERT OR IGNORE INTO detection_results (run_id, media_pk, status, truncated, failure, max_conf, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBox = db.prepare('INSERT INTO detections (run_id, media_pk, category, conf, x, y, w, h) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const inJob = db.prepare('SELECT 1 FROM detection_run_media WHERE run_id = ? AND media_pk = ?').pluck();
  /** Returns how many results were new, and how many of those were failures. A result for media outside the job is dropped: a worker cannot attach results to other pictures. */
  return db.transaction((results: IncomingResult[]): { added: number; failed: number } => {
    const at = nowIso();
    let added = 0;
    let failed = 0;
    for (const r of results) {
      if (inJob.get(runId, r.mediaPk) === undefined) continue;
      if (!r.ok) {
        const n = insertResult.run(runId, r.mediaPk, 'failed', 0, storeSays(r.says), null, at).changes;
        added += n;
        failed += n;
        continue;
      }
      const maxConf = r.detections.reduce((m, d) => Math.max(m, d.conf), 0);
      if (insertResult.run(runId, r.mediaPk, 'ok', r.truncated ? 1 : 0, null, maxConf, at).changes === 0) continue;
      added += 1;
      for (const d of r.detections) insertBox.run(runId, r.mediaPk, d.category, d.conf, ...d.bbox);
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
