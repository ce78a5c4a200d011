import type { MapActivity, MapMultiples } from './contract.ts';
import { range } from './effort.ts';
import { mapActivity } from './map-activity.ts';
import type { Db } from '../library/db.ts';
import { getNumberSetting } from '../library/settings.ts';

/**
 * Times of one species in a deployment from people's labels and from machine classifications at
 * or above their run's threshold; a picture a person marked empty, or a box a person marked false,
 * counts for nothing.
 */
const speciesTimes = `
  SELECT m.timestamp_ms AS t FROM media m JOIN observations o ON o.media_pk = m.media_pk
  WHERE m.deployment_id = @deploymentID AND o.superseded_by IS NULL AND o.scientific_name = @name AND o.false_detection = 0
    AND m.timestamp_ms BETWEEN @fromMs AND @toMs
    AND NOT EXISTS (SELECT 1 FROM observations b WHERE b.media_pk = m.media_pk AND b.detection_id IS NULL AND b.observation_type = 'blank' AND b.superseded_by IS NULL)
  UNION
  SELECT m.timestamp_ms AS t FROM media m JOIN classifications c ON c.media_pk = m.media_pk JOIN detection_runs r ON r.run_id = c.run_id
  WHERE m.deployment_id = @deploymentID AND c.scientific_name = @name AND c.conf >= r.default_threshold
    AND m.timestamp_ms BETWEEN @fromMs AND @toMs
    AND (c.detection_id IS NULL OR NOT EXISTS (SELECT 1 FROM observations f WHERE f.detection_id = c.detection_id AND f.false_detection = 1 AND f.superseded_by IS NULL))
    AND NOT EXISTS (SELECT 1 FROM observations b WHERE b.media_pk = m.media_pk AND b.detection_id IS NULL AND b.observation_type = 'blank' AND b.superseded_by IS NULL)
  ORDER BY t`;

/** Independent events in sorted times: a time closer than the gap to the one before counts once. */
export function independentEvents(times: number[], gapMs: number): number {
  let events = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    if (t - last > gapMs) events += 1;
    last = t;
  }
  return events;
}

/** A species counted from people's labels together with the classifier's, station by station. */
function withClassifications(db: Db, base: MapActivity, from: string | undefined, to: string | undefined): MapActivity {
  const r = range(from, to);
  const gap = getNumberSetting(db, 'independenceMinutes') * 60_000;
  const name = base.taxon.slice('species:'.length);
  const times = db.prepare(speciesTimes);
  const events = new Map<string, number>();
  for (const d of db.prepare('SELECT deployment_id AS id, location_id AS locationID FROM deployments').all() as { id: string; locationID: string }[]) {
    const n = independentEvents((times.all({ deploymentID: d.id, name, fromMs: r.fromMs, toMs: r.toMs }) as { t: number }[]).map((x) => x.t), gap);
    events.set(d.locationID, (events.get(d.locationID) ?? 0) + n);
  }
  const stations = base.stations.map((s) => {
    const e = events.get(s.locationID) ?? 0;
    return { ...s, events: e, rai: s.trapNights > 0 ? Math.round((e / s.trapNights) * 100 * 100) / 100 : 0 };
  });
  return { ...base, stations };
}

/**
 * Up to four taxa side by side. People's labels only: species from human observations. With the
 * detector: its classes above each run's threshold too, and species the classifier named above it.
 */
export function mapMultiples(db: Db, taxa: string[], withDetector: boolean, from: string | undefined, to: string | undefined): MapMultiples {
  const panels = taxa.map((taxon) => {
    const base = mapActivity(db, taxon, from, to);
    if (taxon.startsWith('class:') && !withDetector) return { ...base, stations: base.stations.map((s) => ({ ...s, events: 0, rai: 0 })) };
    return withDetector && taxon.startsWith('species:') ? withClassifications(db, base, from, to) : base;
  });
  const thresholds = (db.prepare('SELECT DISTINCT default_threshold AS t FROM detection_runs ORDER BY t').all() as { t: number }[]).map((x) => x.t);
  return { withDetector, thresholds, panels: panels.map(({ taxon, stations }) => ({ taxon, stations })) };
}
