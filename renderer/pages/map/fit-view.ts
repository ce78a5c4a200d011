import type L from 'leaflet';

/**
 * The closest zoom the map opens at: about 200 km across a 1366 px screen, enough to see the
 * coast, borders and lakes round a single station rather than a blank field.
 */
export const contextZoom = 7;

/**
 * Padding round the stations when the map opens, in pixels, so no circle sits on the edge or
 * under the legend in the bottom right corner.
 */
export const fitPadding = { paddingTopLeft: [48, 48] as L.PointTuple, paddingBottomRight: [300, 48] as L.PointTuple };

/** The south-west and north-east corners round the stations, as Leaflet takes them. */
export function stationBounds(stations: { latitude: number; longitude: number }[]): [[number, number], [number, number]] | null {
  if (stations.length === 0) return null;
  const lats = stations.map((s) => s.latitude);
  const lons = stations.map((s) => s.longitude);
  return [
    [Math.min(...lats), Math.min(...lons)],
    [Math.max(...lats), Math.max(...lons)],
  ];
}
