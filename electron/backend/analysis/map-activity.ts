import type { Db } from '../library/db.ts';
import { getNumberSetting } from '../library/settings.ts';
import type { MapActivity, StationActivity } from './contract.ts';
import { range, trapNights } from './effort.ts';

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
 * range. Reads the maintained events table through its (taxon, start) index and the deployments:
 * the work grows with stations and events in range, not with detections.
 */
export function mapActivity(db: Db, taxon: string, from: string | undefined, to: string | undefined): MapActivity {
  const r = range(from, to);
  const counts = new Map(
    (db.prepare('SELECT deployment_id AS id, COUNT(*) AS n FROM events WHERE taxon = ? AND start_ms BETWEEN ? AND ? GROUP BY deployment_id').all(taxon, r.fromMs, r.toMs) as { id: string; n: number }[]).map((c) => [c.id, c.n]),
  );
  const deployments = db
    .prepare(
      `SELECT d.deployment_id AS deploymentID, l.location_id AS locationID, l.name AS locationName, l.latitude, l.longitude,
              d.deployment_start AS start, d.deployment_end AS end
       FROM deployments d JOIN locations l ON l.location_id = d.location_id`,
    )
    .all() as DeploymentRow[];
  const stations = new Map<string, StationActivity>();
  for (const d of deployments) {
    const s = stations.get(d.locationID) ?? { locationID: d.locationID, locationName: d.locationName, latitude: d.latitude, longitude: d.longitude, deployments: 0, trapNights: 0, events: 0, rai: 0 };
    s.deployments += 1;
    s.trapNights += trapNights(d.start, d.end, r);
    s.events += counts.get(d.deploymentID) ?? 0;
    stations.set(d.locationID, s);
  }
  for (const s of stations.values()) {
    s.trapNights = Math.round(s.trapNights * 100) / 100;
    s.rai = s.trapNights > 0 ? Math.round((s.events / s.trapNights) * 100 * 100) / 100 : 0;
  }
  const taxa = (db.prepare('SELECT DISTINCT taxon FROM events ORDER BY taxon').all() as { taxon: string }[]).map((t) => t.taxon);
  return { taxon, from: from ?? null, to: to ?? null, independenceMinutes: getNumberSetting(db, 'independenceMinutes'), stations: [...stations.values()], taxa };
}
