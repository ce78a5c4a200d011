import type { MapMultiples } from './contract.ts';
import { mapActivity } from './map-activity.ts';
import type { Db } from '../library/db.ts';
import { machineSpecies } from '../library/machine-species.ts';

/**
 * Up to four taxa side by side, from the library's events as the single map counts them. Species
 * are people's labels, with the machine's predictions where nobody has labelled while the library
 * counts those (one switch for the map, its panels and every analysis); the detector's classes
 * count only with the detector's results.
 */
export function mapMultiples(db: Db, taxa: string[], withDetector: boolean, from: string | undefined, to: string | undefined): MapMultiples {
  const panels = taxa.map((taxon) => {
    const base = mapActivity(db, taxon, from, to);
    if (taxon.startsWith('class:') && !withDetector) return { ...base, stations: base.stations.map((s) => ({ ...s, events: 0, rai: 0 })) };
    return base;
  });
  const thresholds = (db.prepare('SELECT DISTINCT default_threshold AS t FROM detection_runs ORDER BY t').all() as { t: number }[]).map((x) => x.t);
  return { withDetector, thresholds, panels: panels.map(({ taxon, stations }) => ({ taxon, stations })), machineSpecies: machineSpecies(db) };
}
