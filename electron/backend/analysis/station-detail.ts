import type { StationDetail } from './contract.ts';
import { nightsIn, range } from './effort/date-range.ts';
import { activeByDeployment } from './effort/effort-report.ts';
import type { Db } from '../library/db.ts';
import { StationError } from '../rpc/envelope.ts';

/** What a click on a station shows: events per taxon, effort, the diel pattern and the latest pictures. */
export function stationDetail(db: Db, locationID: string, taxon: string, from: string | undefined, to: string | undefined): StationDetail {
  const location = db.prepare('SELECT name FROM locations WHERE location_id = ?').get(locationID) as { name: string } | undefined;
  if (!location) throw new StationError('not-found', 'location-not-found', { location: locationID });
  const r = range(from, to);
  const active = activeByDeployment(db);
  const deployments = (db.prepare('SELECT deployment_id AS id FROM deployments WHERE location_id = ?').all(locationID) as { id: string }[]).map((d) => active.get(d.id) ?? []);
  const inStation = `e.deployment_id IN (SELECT deployment_id FROM deployments WHERE location_id = @locationID) AND e.start_ms BETWEEN @fromMs AND @toMs`;
  const params = { locationID, fromMs: r.fromMs, toMs: r.toMs, taxon };
  const eventsByTaxon = db.prepare(`SELECT taxon, COUNT(*) AS events FROM events e WHERE ${inStation} GROUP BY taxon ORDER BY events DESC`).all(params) as StationDetail['eventsByTaxon'];
  const diel = Array.from({ length: 24 }, () => 0);
  for (const row of db.prepare(`SELECT (start_ms / 3600000) % 24 AS hour, COUNT(*) AS n FROM events e WHERE ${inStation} AND taxon = @taxon GROUP BY hour`).all(params) as { hour: number; n: number }[]) {
    diel[((row.hour % 24) + 24) % 24] = row.n;
  }
  const overTime = (db.prepare(`SELECT strftime('%Y-%m', start_ms / 1000, 'unixepoch') AS month, COUNT(*) AS events FROM events e WHERE ${inStation} AND taxon = @taxon GROUP BY month ORDER BY month`).all(params) as StationDetail['overTime']);
  const latestMediaIDs = (
    db.prepare(`SELECT m.media_id AS id FROM events e JOIN media m ON m.media_pk = e.last_media_pk WHERE ${inStation} AND taxon = @taxon ORDER BY e.start_ms DESC LIMIT 6`).all(params) as { id: string }[]
  ).map((x) => x.id);
  return {
    locationID,
    locationName: location.name,
    trapNights: Math.round(deployments.reduce((n, spans) => n + nightsIn(spans, r), 0) * 100) / 100,
    eventsByTaxon,
    diel,
    overTime,
    latestMediaIDs,
  };
}
