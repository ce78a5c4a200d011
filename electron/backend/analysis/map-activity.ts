import type { MapActivity, StationActivity } from './contract.ts';
import { nightsIn, range } from './effort/date-range.ts';
import { activeByDeployment } from './effort/effort-report.ts';
import type { Db } from '../library/db.ts';
import { machineSpecies } from '../library/machine-species.ts';
import { getNumberSetting, independenceComparedTo } from '../library/settings.ts';

interface DeploymentRow {
  deploymentID: string;
  locationID: string;
  locationName: string;
  latitude: number;
  longitude: number;
  start: string;
  end: string;
}

/**
 * Relative abundance per station: independent events of one taxon per 100 trap nights in a date
 * range, from the maintained events table: the work grows with the number of stations, not with
 * events or detections.
 */
export function mapActivity(db: Db, taxon: string, from: string | undefined, to: string | undefined): MapActivity {
  const r = range(from, to);
  // Per deployment, the numbers of the first and last event in range: two index seeks each,
  // however many events or detections there are.
  const counts = new Map(
    (
      db
        .prepare(
          `SELECT d.deployment_id AS id,
             (SELECT e.seq FROM events e WHERE e.deployment_id = d.deployment_id AND e.taxon = @taxon AND e.start_ms >= @fromMs ORDER BY e.start_ms LIMIT 1) AS lo,
             (SELECT e.seq FROM events e WHERE e.deployment_id = d.deployment_id AND e.taxon = @taxon AND e.start_ms <= @toMs ORDER BY e.start_ms DESC LIMIT 1) AS hi
           FROM deployments d`,
        )
        .all({ taxon, fromMs: r.fromMs, toMs: r.toMs }) as { id: string; lo: number | null; hi: number | null }[]
    ).map((c) => [c.id, c.lo !== null && c.hi !== null && c.hi >= c.lo ? c.hi - c.lo + 1 : 0]),
  );
  const deployments = db
    .prepare(
      `SELECT d.deployment_id AS deploymentID, l.location_id AS locationID, l.name AS locationName, l.latitude, l.longitude,
              d.deployment_start AS start, d.deployment_end AS end
       FROM deployments d JOIN locations l ON l.location_id = d.location_id`,
    )
    .all() as DeploymentRow[];
  const active = activeByDeployment(db);
  const stations = new Map<string, StationActivity>();
  for (const d of deployments) {
    const s = stations.get(d.locationID) ?? { locationID: d.locationID, locationName: d.locationName, latitude: d.latitude, longitude: d.longitude, deployments: 0, trapNights: 0, events: 0, rai: 0 };
    s.deployments += 1;
    s.trapNights += nightsIn(active.get(d.deploymentID) ?? [], r);
    s.events += counts.get(d.deploymentID) ?? 0;
    stations.set(d.locationID, s);
  }
  for (const s of stations.values()) {
    s.trapNights = Math.round(s.trapNights * 100) / 100;
    s.rai = s.trapNights > 0 ? Math.round((s.events / s.trapNights) * 100 * 100) / 100 : 0;
  }
  // The taxa with events, one index seek each (a DISTINCT would walk every event).
  const taxa = (
    db
      .prepare(
        `WITH RECURSIVE t(taxon) AS (SELECT MIN(taxon) FROM events
           UNION ALL SELECT (SELECT MIN(e.taxon) FROM events e WHERE e.taxon > t.taxon) FROM t WHERE t.taxon IS NOT NULL)
         SELECT taxon FROM t WHERE taxon IS NOT NULL`,
      )
      .all() as { taxon: string }[]
  ).map((t) => t.taxon);
  const span = db.prepare('SELECT MIN(start_ms) AS first, MAX(start_ms) AS last FROM events WHERE taxon = ?').get(taxon) as { first: number | null; last: number | null };
  const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));
  return {
    taxon,
    from: from ?? null,
    to: to ?? null,
    independenceMinutes: getNumberSetting(db, 'independenceMinutes'),
    comparedTo: independenceComparedTo(db),
    stations: [...stations.values()],
    taxa,
    firstDay: day(span.first),
    lastDay: day(span.last),
    machineSpecies: machineSpecies(db),
  };
}
