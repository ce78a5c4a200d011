import proj4 from 'proj4';

/** A UTM zone as people name it: 1–60 and the hemisphere (33S, 50N). */
export interface UtmZone {
  zone: number;
  hemisphere: 'north' | 'south';
}

/** A WGS 84 UTM easting and northing as latitude and longitude; null when it lands nowhere on Earth. */
export function utmToLatLon(easting: number, northing: number, { zone, hemisphere }: UtmZone): { latitude: number; longitude: number } | null {
  const utm = `+proj=utm +zone=${zone}${hemisphere === 'south' ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;
  const [longitude, latitude] = proj4(utm, 'EPSG:4326', [easting, northing]);
  if (longitude === undefined || latitude === undefined || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}
