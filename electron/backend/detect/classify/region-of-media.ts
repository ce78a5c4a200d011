import { regionOf } from './ensemble/index.ts';
import type { Db } from '../../library/db.ts';

export interface GeoRegion {
  country: string | null;
  admin1: string | null;
}

/** Where each picture was taken, from its deployment's location, found offline once per deployment. */
export function regionOfMedia(db: Db): (mediaPk: number) => GeoRegion {
  const where = db.prepare(
    `SELECT d.deployment_id AS deploymentID, l.latitude, l.longitude FROM media m
     JOIN deployments d ON d.deployment_id = m.deployment_id JOIN locations l ON l.location_id = d.location_id WHERE m.media_pk = ?`,
  );
  const known = new Map<string, GeoRegion>();
  return (mediaPk) => {
    const row = where.get(mediaPk) as { deploymentID: string; latitude: number; longitude: number } | undefined;
    if (!row) return { country: null, admin1: null };
    let region = known.get(row.deploymentID);
    if (!region) {
      region = regionOf(row.latitude, row.longitude);
      known.set(row.deploymentID, region);
    }
    return region;
  };
}
