import type { Db } from '../../library/db.ts';

export interface Station {
  locationID: string;
  /** The name R sees: the location's name, with its ID added where two locations share a name. */
  station: string;
  latitude: number;
  longitude: number;
}

/** camtrapR joins its tables on the station name, so every table names a location the same way, and no two alike. */
export function stations(db: Db): Map<string, Station> {
  const rows = db.prepare('SELECT location_id AS locationID, name, latitude, longitude FROM locations ORDER BY name, location_id').all() as {
    locationID: string;
    name: string;
    latitude: number;
    longitude: number;
  }[];
  const uses = new Map<string, number>();
  for (const r of rows) uses.set(r.name, (uses.get(r.name) ?? 0) + 1);
  return new Map(rows.map((r) => [r.locationID, { locationID: r.locationID, station: (uses.get(r.name) ?? 0) > 1 ? `${r.name} (${r.locationID})` : r.name, latitude: r.latitude, longitude: r.longitude }]));
}

/** Stations in the order R sorts them (by name), then by ID. */
export function byStation<T extends { station: string }>(a: T, b: T): number {
  return a.station < b.station ? -1 : a.station > b.station ? 1 : 0;
}
