import path from 'node:path';
import Database from 'better-sqlite3';

/** Per run: how many images it covers, how many results, and any image with more than one or boxes without a result. */
export function detectionCounts(libraryRoot: string, runId: number) {
  const db = new Database(path.join(libraryRoot, 'library.sqlite'), { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get(runId) as { n: number }).n;
    return {
      covered: one('SELECT COUNT(*) AS n FROM detection_run_media WHERE run_id = ?'),
      results: one('SELECT COUNT(*) AS n FROM detection_results WHERE run_id = ?'),
      distinctResults: one('SELECT COUNT(DISTINCT media_pk) AS n FROM detection_results WHERE run_id = ?'),
      boxesWithoutResult: one('SELECT COUNT(*) AS n FROM detections d WHERE d.run_id = ? AND NOT EXISTS (SELECT 1 FROM detection_results x WHERE x.run_id = d.run_id AND x.media_pk = d.media_pk)'),
      failed: one("SELECT COUNT(*) AS n FROM detection_results WHERE run_id = ? AND status = 'failed'"),
      runs: (db.prepare('SELECT COUNT(*) AS n FROM detection_runs').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}
