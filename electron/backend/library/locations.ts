import type { Location, LocationChanges, NewLocation } from './contract.ts';
import type { Db } from './db.ts';
import { newShortId, nowIso } from './ids.ts';
import { timeZoneAt } from './time-zone.ts';
import { StationError } from '../rpc/envelope.ts';

type LocationRow = Omit<Location, 'timeZone'>;

const selectLocation = 'SELECT location_id AS locationID, name AS locationName, latitude, longitude FROM locations';

function withTimeZone(row: LocationRow): Location {
  return { ...row, timeZone: timeZoneAt(row.latitude, row.longitude) };
}

export function listLocations(db: Db): Location[] {
  return (db.prepare(`${selectLocation} ORDER BY name`).all() as LocationRow[]).map(withTimeZone);
}

export function getLocation(db: Db, locationID: string): Location {
  const row = db.prepare(`${selectLocation} WHERE location_id = ?`).get(locationID) as LocationRow | undefined;
  if (!row) throw new StationError('not-found', 'location-not-found', { location: locationID });
  return withTimeZone(row);
}

export function addLocation(db: Db, input: NewLocation): Location {
  const locationID = input.locationID ?? newShortId();
  const exists = db.prepare('SELECT 1 FROM locations WHERE location_id = ?').get(locationID);
  if (exists) throw new StationError('conflict', 'location-id-taken', { location: locationID });
  db.prepare('INSERT INTO locations (location_id, name, latitude, longitude, created_at) VALUES (?, ?, ?, ?, ?)').run(
    locationID,
    input.locationName,
    input.latitude,
    input.longitude,
    nowIso(),
  );
  return getLocation(db, locationID);
}

/** Deployments keep their times as entered: the offset they were given stays true of that moment. */
export function updateLocation(db: Db, changes: LocationChanges): Location {
  const current = getLocation(db, changes.locationID);
  db.prepare('UPDATE locations SET name = ?, latitude = ?, longitude = ? WHERE location_id = ?').run(
    changes.locationName ?? current.locationName,
    changes.latitude ?? current.latitude,
    changes.longitude ?? current.longitude,
    changes.locationID,
  );
  return getLocation(db, changes.locationID);
}

const shownDeployments = 10;

/** Only a location no deployment stands at: deleting it would leave them nowhere. */
export function deleteLocation(db: Db, locationID: string): void {
  const location = getLocation(db, locationID);
  const using = (db.prepare('SELECT deployment_id AS id FROM deployments WHERE location_id = ? ORDER BY deployment_id').all(locationID) as { id: string }[]).map((d) => d.id);
  if (using.length > 0) {
    const named = using.slice(0, shownDeployments).join(', ') + (using.length > shownDeployments ? ', …' : '');
    throw new StationError('conflict', 'location-in-use', { location: location.locationName, count: using.length, deployments: named });
  }
  db.prepare('DELETE FROM locations WHERE location_id = ?').run(locationID);
}
