import type { Db } from '../../library/db.ts';
import { range, workedIn } from '../effort/date-range.ts';
import { activeByLocation } from '../effort/effort-report.ts';

export interface NaiveOccupancy {
  /** Stations whose cameras worked at some time in the range. */
  stations: number;
  taxa: { taxon: string; stations: number; occupancy: number }[];
}

/** Stations that had a working camera in the range. */
export function stationsWithEffort(db: Db, from: string | undefined, to: string | undefined): Set<string> {
  const r = range(from, to);
  return new Set([...activeByLocation(db)].filter(([, active]) => workedIn(active, r)).map(([locationID]) => locationID));
}

/** Naïve occupancy: the share of stations with effort where a taxon has at least one event, not corrected for detection. */
export function naiveOccupancy(db: Db, from: string | undefined, to: string | undefined): NaiveOccupancy {
  const r = range(from, to);
  const working = stationsWithEffort(db, from, to);
  const rows = db
    .prepare(
      `SELECT e.taxon AS taxon, d.location_id AS locationID FROM events e JOIN deployments d ON d.deployment_id = e.deployment_id
       WHERE e.start_ms BETWEEN @fromMs AND @toMs GROUP BY e.taxon, d.location_id`,
    )
    .all({ fromMs: r.fromMs, toMs: r.toMs }) as { taxon: string; locationID: string }[];
  const perTaxon = new Map<string, number>();
  for (const row of rows) if (working.has(row.locationID)) perTaxon.set(row.taxon, (perTaxon.get(row.taxon) ?? 0) + 1);
  const taxa = [...perTaxon]
    .map(([taxon, stations]) => ({ taxon, stations, occupancy: Math.round((stations / working.size) * 1000) / 1000 }))
    .sort((a, b) => b.occupancy - a.occupancy || a.taxon.localeCompare(b.taxon));
  return { stations: working.size, taxa };
}
