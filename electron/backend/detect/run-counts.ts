import type { RunCounts } from './contract.ts';
import type { Db } from '../library/db.ts';
import { StationError } from '../rpc/envelope.ts';

// Each result of the run is looked up once in the detections index (media_pk, run_id, conf):
// a run of 100,000 images is counted without scanning every box in the library.
const found = (category: string | null) =>
  `COALESCE(SUM(EXISTS (SELECT 1 FROM detections d WHERE d.media_pk = x.media_pk AND d.run_id = x.run_id AND d.conf >= @threshold${category ? ` AND d.category = '${category}'` : ''})), 0)`;

/**
 * What a run found at its model's default threshold: images with animals, people, vehicles (one
 * image may count in several) and images with nothing at that threshold. Failed images count in none.
 */
export function runCounts(db: Db, runId: number): RunCounts {
  const run = db.prepare('SELECT default_threshold AS threshold FROM detection_runs WHERE run_id = ?').get(runId) as { threshold: number } | undefined;
  if (!run) throw new StationError('not-found', 'detection-job-missing', { runId });
  const counts = db
    .prepare(
      `SELECT COUNT(*) AS images, ${found('animal')} AS animal, ${found('person')} AS person, ${found('vehicle')} AS vehicle, ${found(null)} AS anything
       FROM detection_results x WHERE x.run_id = @runId AND x.status = 'ok'`,
    )
    .get({ runId, threshold: run.threshold }) as { images: number; animal: number; person: number; vehicle: number; anything: number };
  const { anything, ...byClass } = counts;
  return { runId, threshold: run.threshold, ...byClass, empty: counts.images - anything };
}
