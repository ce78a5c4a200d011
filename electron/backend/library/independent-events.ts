import type { Db } from './db.ts';
import { countedPrediction, machineSpecies } from './machine-species.ts';
import { getNumberSetting, independenceComparedTo } from './settings.ts';

/**
 * A taxon is a species from human labels ("species:Ardea") or a class from the detector
 * ("class:animal", boxes at or above their run's default threshold, not marked false); a picture
 * a person marked empty counts for nothing. While the library counts the machine's species
 * (machine-species.ts), a species is also one the classifier predicted where no person labelled.
 */
export type Taxon = `species:${string}` | `class:${'animal' | 'person' | 'vehicle'}`;

interface Rec {
  taxon: string;
  t: number;
  pk: number;
}

const records = `
  SELECT 'species:' || o.scientific_name AS taxon, m.timestamp_ms AS t, m.media_pk AS pk
  FROM media m JOIN observations o ON o.media_pk = m.media_pk
  WHERE m.deployment_id = @deploymentID AND o.superseded_by IS NULL AND o.scientific_name IS NOT NULL AND o.false_detection = 0
    AND NOT EXISTS (SELECT 1 FROM observations b WHERE b.media_pk = m.media_pk AND b.detection_id IS NULL AND b.observation_type = 'blank' AND b.superseded_by IS NULL)
  UNION
  SELECT 'class:' || d.category AS taxon, m.timestamp_ms AS t, m.media_pk AS pk
  FROM media m JOIN detections d ON d.media_pk = m.media_pk JOIN detection_runs r ON r.run_id = d.run_id
  WHERE m.deployment_id = @deploymentID AND d.conf >= r.default_threshold
    AND NOT EXISTS (SELECT 1 FROM observations f WHERE f.detection_id = d.detection_id AND f.false_detection = 1 AND f.superseded_by IS NULL)
    AND NOT EXISTS (SELECT 1 FROM observations b WHERE b.media_pk = m.media_pk AND b.detection_id IS NULL AND b.observation_type = 'blank' AND b.superseded_by IS NULL)`;

/** CROSS JOIN keeps the deployment's pictures first: the planner would otherwise walk every prediction of the library. */
export const machineRecords = `
  SELECT 'species:' || c.scientific_name AS taxon, m.timestamp_ms AS t, m.media_pk AS pk
  FROM media m CROSS JOIN classifications c ON c.media_pk = m.media_pk
  WHERE m.deployment_id = @deploymentID AND ${countedPrediction}`;

const peopleOnly = `${records} ORDER BY taxon, t`;
const withMachine = `${records} UNION ${machineRecords} ORDER BY taxon, t`;

/**
 * Recomputes a deployment's independent events (Camtrap DP eventStart/eventEnd) as camtrapR's
 * minDeltaTime decides: a record of a taxon starts a new event when at least the independence
 * interval lies between it and the record before it (deltaTimeComparedTo "lastRecord"), or the
 * event's first record ("lastIndependentRecord"), as the library's setting says.
 */
export function recomputeEvents(db: Db, deploymentID: string): void {
  const gap = getNumberSetting(db, 'independenceMinutes') * 60_000;
  const comparedTo = independenceComparedTo(db);
  const machine = machineSpecies(db);
  const rows = (machine.include ? db.prepare(withMachine).all({ deploymentID, machineThreshold: machine.threshold }) : db.prepare(peopleOnly).all({ deploymentID })) as Rec[];
  const insert = db.prepare('INSERT INTO events (deployment_id, taxon, start_ms, end_ms, records, last_media_pk, seq) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM events WHERE deployment_id = ?').run(deploymentID);
    let open: { taxon: string; start: number; end: number; records: number; pk: number; seq: number } | null = null;
    const close = () => {
      if (open) insert.run(deploymentID, open.taxon, open.start, open.end, open.records, open.pk, open.seq);
    };
    for (const r of rows) {
      if (open && open.taxon === r.taxon && r.t - (comparedTo === 'lastRecord' ? open.end : open.start) < gap) {
        open.end = r.t;
        open.records += 1;
        open.pk = r.pk;
      } else {
        close();
        open = { taxon: r.taxon, start: r.t, end: r.t, records: 1, pk: r.pk, seq: open && open.taxon === r.taxon ? open.seq + 1 : 1 };
      }
    }
    close();
  })();
}

export function recomputeAllEvents(db: Db): void {
  for (const { id } of db.prepare('SELECT deployment_id AS id FROM deployments').all() as { id: string }[]) recomputeEvents(db, id);
}

/** The deployments of some media, to recompute after their labels or results changed. */
export function deploymentsOfMedia(db: Db, mediaPks: Iterable<number>): string[] {
  const find = db.prepare('SELECT deployment_id AS id FROM media WHERE media_pk = ?');
  const out = new Set<string>();
  for (const pk of mediaPks) {
    const row = find.get(pk) as { id: string } | undefined;
    if (row) out.add(row.id);
  }
  return [...out];
}
