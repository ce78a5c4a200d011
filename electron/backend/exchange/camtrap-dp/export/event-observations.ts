import crypto from 'node:crypto';
import { utcToCamtrap, wallClockToCamtrap } from './camtrap-time.ts';
import type { ScopedDeployment } from './export-scope.ts';
import type { ObservationRow } from './media-observations.ts';
import type { Db } from '../../../library/db.ts';
import { classifierName, countedPrediction, machineSpecies } from '../../../library/machine-species.ts';

interface EventRow {
  taxon: string;
  startMs: number;
  endMs: number;
  lastMediaPk: number;
}

/** A stable ID for an independent event: the same event gets the same ID in every export. */
export function eventID(deploymentID: string, taxon: string, startMs: number): string {
  return `ev-${crypto.createHash('sha256').update(`${deploymentID}\u0000${taxon}\u0000${startMs}`).digest('hex').slice(0, 12)}`;
}

/**
 * Whether a person named a species during a span of a deployment (or the classifier did, while the
 * library counts its species): the detector's `animal` event then is that species' animal, already
 * counted by the species' own event.
 */
function namedDuring(db: Db): (deploymentID: string, startMs: number, endMs: number) => boolean {
  const named = db.prepare(
    `SELECT 1 FROM media m JOIN observations o ON o.media_pk = m.media_pk
     WHERE m.deployment_id = ? AND m.timestamp_ms BETWEEN ? AND ? AND o.scientific_name IS NOT NULL AND o.superseded_by IS NULL AND o.false_detection = 0
     LIMIT 1`,
  );
  const machine = machineSpecies(db);
  const predicted = machine.include
    ? db.prepare(`SELECT 1 FROM media m CROSS JOIN classifications c ON c.media_pk = m.media_pk WHERE m.deployment_id = @deploymentID AND m.timestamp_ms BETWEEN @startMs AND @endMs AND ${countedPrediction} LIMIT 1`)
    : null;
  return (deploymentID, startMs, endMs) =>
    named.get(deploymentID, startMs, endMs) !== undefined || (predicted !== null && predicted.get({ deploymentID, startMs, endMs, machineThreshold: machine.threshold }) !== undefined);
}

/** The independent events of a deployment that the export writes, by taxon, to find the event of a media-level row. */
export class EventIndex {
  private readonly byTaxon = new Map<string, { start: number; end: number; id: string }[]>();

  constructor(db: Db, deploymentID: string) {
    const rows = db.prepare('SELECT taxon, start_ms AS start, end_ms AS end FROM events WHERE deployment_id = ? ORDER BY taxon, start_ms').all(deploymentID) as { taxon: string; start: number; end: number }[];
    const named = namedDuring(db);
    for (const r of rows) {
      if (r.taxon === 'class:animal' && named(deploymentID, r.start, r.end)) continue;
      const list = this.byTaxon.get(r.taxon) ?? [];
      list.push({ start: r.start, end: r.end, id: eventID(deploymentID, r.taxon, r.start) });
      this.byTaxon.set(r.taxon, list);
    }
  }

  /** The event of this taxon that holds the moment; events of one taxon do not overlap. */
  find(taxon: string, ms: number): string | null {
    const list = this.byTaxon.get(taxon);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = list[mid] as { start: number; end: number; id: string };
      if (ms < e.start) hi = mid - 1;
      else if (ms > e.end) lo = mid + 1;
      else return e.id;
    }
    return null;
  }
}

const notEmpty = `NOT EXISTS (SELECT 1 FROM observations b WHERE b.media_pk = m.media_pk AND b.detection_id IS NULL AND b.observation_type = 'blank' AND b.superseded_by IS NULL)`;

/**
 * Event-level observations: one row per independent event and taxon (library/independent-events.ts)
 * that starts in the window, with the largest count seen in one picture of it, so that counts of
 * events can be summed and GBIF publishes one occurrence per event. Species events come from
 * people's labels, and from the classifier while the library counts its species: an event no
 * person labelled is the machine's (the classifier, its best probability, most boxes in one
 * picture). Detector classes are events of their own (person as human, vehicle), except an
 * `animal` event during which a species was named: that animal is already counted.
 */
export function eventObservations(db: Db, d: ScopedDeployment, fromMs: number, toMs: number): ObservationRow[] {
  const events = db
    .prepare('SELECT taxon, start_ms AS startMs, end_ms AS endMs, last_media_pk AS lastMediaPk FROM events WHERE deployment_id = ? AND start_ms >= ? AND start_ms < ? ORDER BY start_ms, taxon')
    .all(d.deploymentID, fromMs, toMs) as EventRow[];
  const speciesCount = db.prepare(
    `SELECT MAX(MAX(COALESCE(boxes, 0), COALESCE(whole, 0))) AS n FROM (
       SELECT SUM(CASE WHEN o.detection_id IS NOT NULL THEN COALESCE(o.count, 1) END) AS boxes, MAX(CASE WHEN o.detection_id IS NULL THEN COALESCE(o.count, 1) END) AS whole
       FROM media m JOIN observations o ON o.media_pk = m.media_pk
       WHERE m.deployment_id = @deploymentID AND m.timestamp_ms BETWEEN @startMs AND @endMs AND o.scientific_name = @name
         AND o.superseded_by IS NULL AND o.false_detection = 0 AND ${notEmpty}
       GROUP BY m.media_pk)`,
  );
  const speciesLabel = db.prepare(
    `SELECT o.observation_type AS observationType, o.classified_by AS classifiedBy, o.created_at AS createdAt
     FROM media m JOIN observations o ON o.media_pk = m.media_pk
     WHERE m.deployment_id = @deploymentID AND m.timestamp_ms BETWEEN @startMs AND @endMs AND o.scientific_name = @name AND o.superseded_by IS NULL AND o.false_detection = 0
     ORDER BY o.created_at DESC LIMIT 1`,
  );
  const classCount = db.prepare(
    `SELECT MAX(n) AS n, MAX(best) AS best, MAX(model) AS model FROM (
       SELECT COUNT(*) AS n, MAX(d.conf) AS best, trim(r.model_name || ' ' || r.model_version) AS model
       FROM media m JOIN detections d ON d.media_pk = m.media_pk JOIN detection_runs r ON r.run_id = d.run_id
       WHERE m.deployment_id = @deploymentID AND m.timestamp_ms BETWEEN @startMs AND @endMs AND d.category = @category AND d.conf >= r.default_threshold
         AND NOT EXISTS (SELECT 1 FROM observations f WHERE f.detection_id = d.detection_id AND f.false_detection = 1 AND f.superseded_by IS NULL) AND ${notEmpty}
       GROUP BY m.media_pk, d.run_id)`,
  );
  const machine = machineSpecies(db);
  const speciesPredicted = machine.include
    ? db.prepare(
        `SELECT MAX(n) AS n, MAX(best) AS best, MAX(model) AS model FROM (
           SELECT COUNT(c.detection_id) AS n, MAX(c.conf) AS best, ${classifierName} AS model
           FROM media m CROSS JOIN classifications c ON c.media_pk = m.media_pk JOIN detection_runs r ON r.run_id = c.run_id
           WHERE m.deployment_id = @deploymentID AND m.timestamp_ms BETWEEN @startMs AND @endMs AND c.scientific_name = @name AND ${countedPrediction}
           GROUP BY m.media_pk)`,
      )
    : null;
  const named = namedDuring(db);
  const out: ObservationRow[] = [];
  for (const e of events) {
    const at = { deploymentID: d.deploymentID, startMs: e.startMs, endMs: e.endMs };
    const common = {
      observationID: eventID(d.deploymentID, e.taxon, e.startMs),
      deploymentID: d.deploymentID,
      eventID: eventID(d.deploymentID, e.taxon, e.startMs),
      eventStart: wallClockToCamtrap(e.startMs, d.offsetMinutes),
      eventEnd: wallClockToCamtrap(e.endMs, d.offsetMinutes),
      observationLevel: 'event',
    };
    if (e.taxon.startsWith('species:')) {
      const name = e.taxon.slice('species:'.length);
      const label = speciesLabel.get({ ...at, name }) as { observationType: string; classifiedBy: string | null; createdAt: string } | undefined;
      const predicted = label || !speciesPredicted ? undefined : (speciesPredicted.get({ ...at, name, machineThreshold: machine.threshold }) as { n: number | null; best: number | null; model: string | null });
      if (predicted && predicted.best !== null) {
        out.push({
          ...common,
          observationType: 'animal',
          scientificName: name,
          count: predicted.n && predicted.n > 0 ? predicted.n : null,
          classificationMethod: 'machine',
          classifiedBy: predicted.model,
          classificationProbability: predicted.best,
        });
        continue;
      }
      const count = (speciesCount.get({ ...at, name }) as { n: number | null }).n;
      out.push({
        ...common,
        observationType: label?.observationType === 'human' ? 'human' : 'animal',
        scientificName: name,
        count: count && count > 0 ? count : null,
        classificationMethod: 'human',
        classifiedBy: label?.classifiedBy ?? null,
        classificationTimestamp: label ? utcToCamtrap(label.createdAt) : null,
      });
      continue;
    }
    const category = e.taxon.slice('class:'.length) as 'animal' | 'person' | 'vehicle';
    if (category === 'animal' && named(d.deploymentID, e.startMs, e.endMs)) continue;
    const found = classCount.get({ ...at, category }) as { n: number | null; best: number | null; model: string | null };
    out.push({
      ...common,
      observationType: category === 'person' ? 'human' : category,
      count: found.n && found.n > 0 ? found.n : null,
      classificationMethod: 'machine',
      classifiedBy: found.model,
      classificationProbability: found.best,
    });
  }
  return out;
}
