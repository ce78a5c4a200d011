import type { DeploymentRow } from './package-rows.ts';
import { Problems } from './refusal.ts';
import type { Db } from '../../../library/db.ts';
import { newShortId } from '../../../library/ids.ts';
import type { Says } from '../../../rpc/messages.ts';

export interface PlannedLocation {
  locationID: string;
  name: string;
  latitude: number;
  longitude: number;
  /** Already in the library with this name and place: used as it is. */
  existing: boolean;
}

export interface LocationPlan {
  locations: PlannedLocation[];
  /** The location of each deployment, by deploymentID. */
  of: Map<string, string>;
  warnings: Says[];
}

const samePlace = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) =>
  Math.abs(a.latitude - b.latitude) < 1e-9 && Math.abs(a.longitude - b.longitude) < 1e-9;

/**
 * The library's locations for the package's deployments. Camtrap DP gives each deployment its
 * own coordinates and an optional locationID; the library keeps one place per location, that of
 * the location's first deployment. Deployments without a locationID share a location when they
 * share a name and a place. A locationID the library has for another place is a clash.
 */
export function planLocations(db: Db, deployments: DeploymentRow[]): LocationPlan {
  const problems = new Problems();
  const warnings: Says[] = [];
  const byKey = new Map<string, PlannedLocation>();
  const of = new Map<string, string>();
  const inLibrary = db.prepare('SELECT name, latitude, longitude FROM locations WHERE location_id = ?');
  const taken = (id: string) => inLibrary.get(id) !== undefined || [...byKey.values()].some((l) => l.locationID === id);
  for (const d of deployments) {
    const key = d.locationID ?? `\u0000${d.locationName ?? ''}\u0000${d.latitude}\u0000${d.longitude}`;
    let location = byKey.get(key);
    if (!location) {
      let locationID = d.locationID;
      while (locationID === null || (d.locationID === null && taken(locationID))) locationID = newShortId();
      const name = (d.locationName ?? d.locationID ?? d.deploymentID).trim().slice(0, 200) || d.deploymentID;
      const there = inLibrary.get(locationID) as { name: string; latitude: number; longitude: number } | undefined;
      if (there && (there.name !== name || !samePlace(there, d))) problems.push({ key: 'package-import-location-taken', values: { location: locationID, name: there.name } });
      location = { locationID, name, latitude: d.latitude, longitude: d.longitude, existing: there !== undefined };
      byKey.set(key, location);
    } else if (!samePlace(location, d)) {
      warnings.push({ key: 'package-import-warning-location-moved', values: { location: location.locationID, deployment: d.deploymentID } });
    }
    of.set(d.deploymentID, location.locationID);
  }
  problems.throwIfAny();
  return { locations: [...byKey.values()], of, warnings };
}
