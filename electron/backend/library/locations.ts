import type { Location, NewLocation } from './contract.ts';
import type { Db } from './db.ts';
import { newShortId, nowIso } from './ids.ts';
import { StationError } from '../rpc/envelope.ts';

export function listLocations(db: Db): Location[] {
  return db
    .prepare('SELECT location_id AS locationID, name AS locationName, latitude, longitude FROM locations ORDER BY name')
    .all() as Location[];
}

export function addLocation(db: Db, input: NewLocation): Location {
  const location: Location = {
    locationID: input.locationID ?? newShortId(),
    locationName: input.locationName,
    latitude: input.latitude,
    longitude: input.longitude,
  };
  const exists = db.prepare('SELECT 1 FROM locations WHERE location_id = ?').get(location.locationID);
  if (exists) throw new StationError('conflict', `A location with ID ${location.locationID} already exists.`);
  db.prepare('INSERT INTO locations (location_id, name, latitude, longitude, created_at) VALUES (?, ?, ?, ?, ?)').run(
    location.locationID,
    location.locationName,
    location.latitude,
    location.longitude,
    nowIso(),
  );
  return location;
}
