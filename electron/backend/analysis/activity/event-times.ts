import { dayFractionToRadians } from './circular-density.ts';
import { sunriseSunset, toSunTime } from './sun-time.ts';
import type { Db } from '../../library/db.ts';
import { timeZoneAt } from '../../library/time-zone.ts';
import { range } from '../effort/date-range.ts';

export type TimeScale = 'clock' | 'sun';

const dayMs = 86_400_000;

export interface EventTimeQuery {
  taxon: string;
  locationID?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  timeScale: TimeScale;
}

/**
 * The times of day of a taxon's independent events, in radians: camera clock time, or sun time
 * from the sunrise and sunset of that day at the event's station (events on days without both,
 * near the poles, are left out of sun time).
 */
export function eventTimes(db: Db, q: EventTimeQuery): number[] {
  const r = range(q.from, q.to);
  const rows = db
    .prepare(
      `SELECT e.start_ms AS ms, l.latitude AS lat, l.longitude AS lon
       FROM events e JOIN deployments d ON d.deployment_id = e.deployment_id JOIN locations l ON l.location_id = d.location_id
       WHERE e.taxon = @taxon AND e.start_ms BETWEEN @fromMs AND @toMs AND (@locationID IS NULL OR l.location_id = @locationID)`,
    )
    .all({ taxon: q.taxon, fromMs: r.fromMs, toMs: r.toMs, locationID: q.locationID ?? null }) as { ms: number; lat: number; lon: number }[];
  const clock = (ms: number): number => dayFractionToRadians((((ms % dayMs) + dayMs) % dayMs) / dayMs);
  if (q.timeScale === 'clock') return rows.map((e) => clock(e.ms));
  const zones = new Map<string, string>();
  const out: number[] = [];
  for (const e of rows) {
    const key = `${e.lat},${e.lon}`;
    const zone = zones.get(key) ?? timeZoneAt(e.lat, e.lon);
    zones.set(key, zone);
    const sun = sunriseSunset(e.ms, e.lat, e.lon, zone);
    if (sun) out.push(toSunTime(clock(e.ms), sun.sunrise, sun.sunset));
  }
  return out;
}
