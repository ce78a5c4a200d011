import type { Db } from './db.ts';
import { getNumberSetting } from './settings.ts';

/**
 * Applies the deployment's clock offset to every original time, then regroups sequences.
 * Both are derived data: they can be recomputed at any time from the originals.
 */
export function recomputeTimestamps(db: Db, deploymentID: string): void {
  db.prepare(
    `UPDATE media SET timestamp_ms = taken_at_ms + 1000 * (SELECT clock_offset_s FROM deployments d WHERE d.deployment_id = media.deployment_id)
     WHERE deployment_id = ?`,
  ).run(deploymentID);
  regroupSequences(db, deploymentID);
}

/** A new sequence starts where the gap to the previous medium exceeds the library's setting. */
export function regroupSequences(db: Db, deploymentID: string): void {
  const gapMs = getNumberSetting(db, 'sequenceGapSeconds') * 1000;
  const rows = db
    .prepare('SELECT media_pk AS pk, timestamp_ms AS t FROM media WHERE deployment_id = ? ORDER BY timestamp_ms, media_pk')
    .all(deploymentID) as { pk: number; t: number }[];
  const update = db.prepare('UPDATE media SET sequence_no = ? WHERE media_pk = ?');
  let sequence = 0;
  let previous = Number.NEGATIVE_INFINITY;
  db.transaction(() => {
    for (const row of rows) {
      if (row.t - previous > gapMs) sequence += 1;
      previous = row.t;
      update.run(sequence, row.pk);
    }
  })();
}
