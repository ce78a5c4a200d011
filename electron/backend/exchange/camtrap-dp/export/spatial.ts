import type { Point, Polygon } from 'geojson';

/** Half the side a bounding box gets where all stations lie on one line of latitude or longitude: about 10 m. */
const pad = 0.0001;
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The package's spatial coverage as GeoJSON: a Point where every deployment stands at one place,
 * else the bounding box as a Polygon (corners counter-clockwise, first and last the same). A box
 * of stations in a row would have no area: it is widened a little, so it is never invalid.
 */
export function spatialCoverage(places: { latitude: number; longitude: number }[]): Point | Polygon {
  const lats = places.map((p) => p.latitude);
  const lons = places.map((p) => p.longitude);
  let south = Math.min(...lats);
  let north = Math.max(...lats);
  let west = Math.min(...lons);
  let east = Math.max(...lons);
  if (south === north && west === east) return { type: 'Point', coordinates: [round(west), round(south)] };
  if (south === north) [south, north] = [Math.max(-90, south - pad), Math.min(90, north + pad)];
  if (west === east) [west, east] = [Math.max(-180, west - pad), Math.min(180, east + pad)];
  const [w, s, e, n] = [west, south, east, north].map(round) as [number, number, number, number];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}
