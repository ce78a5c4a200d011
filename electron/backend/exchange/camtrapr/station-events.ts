import type { CsvValue } from './csv-file.ts';
import { byStation, stations } from './stations.ts';
import { nightsIn, range } from '../../analysis/effort/date-range.ts';
import { activeByLocation, rulesByLocation } from '../../analysis/effort/effort-report.ts';
import type { Db } from '../../library/db.ts';
import { machineSpecies } from '../../library/machine-species.ts';

/** EffortRule: how TrapNights were counted: dates (setup and retrieval days half, camtrapR's rule), times (exact), or dates+times. */
export const eventColumns = ['Station', 'locationID', 'latitude', 'longitude', 'Taxon', 'TaxonSource', 'Events', 'TrapNights', 'EventsPer100TrapNights', 'EffortRule'] as const;

const twoDecimals = (v: number) => Math.round(v * 100) / 100;

/**
 * Independent events per station and taxon with the station's trap nights, the figures the map
 * shows (the library's events table, the same effort): every taxon at every station, zeros
 * included, so that R sees where a species was not found as well as where it was.
 */
export function stationEvents(db: Db, days: { from?: string; to?: string }): CsvValue[][] {
  const r = range(days.from, days.to);
  const nights = new Map([...activeByLocation(db)].map(([locationID, active]) => [locationID, nightsIn(active, r)]));
  const counts = db
    .prepare(
      `SELECT d.location_id AS locationID, e.taxon, COUNT(*) AS events FROM events e JOIN deployments d ON d.deployment_id = e.deployment_id
       WHERE e.start_ms BETWEEN @fromMs AND @toMs GROUP BY d.location_id, e.taxon`,
    )
    .all(r) as { locationID: string; taxon: string; events: number }[];
  const taxa = [...new Set(counts.map((c) => c.taxon))].sort();
  const found = new Map(counts.map((c) => [`${c.locationID}\u0000${c.taxon}`, c.events]));
  const rules = rulesByLocation(db);
  const named = [...stations(db).values()].filter((s) => nights.has(s.locationID)).sort(byStation);
  // While the library counts the machine's species, a species' events may be the classifier's too.
  const speciesSource = machineSpecies(db).include ? 'label_or_classifier' : 'label';
  return named.flatMap((s) => {
    const effort = twoDecimals(nights.get(s.locationID) ?? 0);
    return taxa.map((taxon) => {
      const events = found.get(`${s.locationID}\u0000${taxon}`) ?? 0;
      const [source, name] = taxon.startsWith('species:') ? [speciesSource, taxon.slice('species:'.length)] : ['detector', taxon.slice('class:'.length)];
      return [s.station, s.locationID, s.latitude, s.longitude, name, source, events, effort, effort > 0 ? twoDecimals((events / effort) * 100) : null, rules.get(s.locationID) ?? null];
    });
  });
}
