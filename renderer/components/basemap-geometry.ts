/**
 * Natural Earth rings in spherical coordinates, made drawable on Leaflet's flat Web Mercator
 * plane. Leaflet joins consecutive points with straight lines, so a ring that steps from +180 to
 * -180 (Chukotka, Fiji, Antarctica) would be drawn as a band across the whole world.
 */
export type Position = [number, number];
type Ring = Position[];

/** Beyond this latitude a point is on the edge drawn round a pole, not on a coast. */
const poleLatitude = 89.9;

/** Longitudes made continuous: each step is the short way round, so a crossing goes past ±180. */
export function unwrapRing(ring: Position[]): Ring {
  const out: Ring = [];
  let offset = 0;
  let previous: number | undefined;
  for (const [lon, lat] of ring) {
    if (previous !== undefined) {
      const step = lon + offset - previous;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    previous = lon + offset;
    out.push([previous, lat]);
  }
  return out;
}

/**
 * A polygon whose rings are unwrapped; a ring that goes once round the pole (Antarctica) is
 * closed along the pole. Returned with the copies shifted by 360° that are needed to cover the
 * part past ±180, so the land shows on both sides of the antimeridian.
 */
export function drawablePolygon(rings: Position[][]): Position[][][] {
  const outerMean = mean(unwrapRing(rings[0] ?? []));
  const unwrapped = rings.map((r) => {
    // A hole is moved by whole turns to lie in its outer ring, whatever side its first point is on.
    const u = shift([unwrapRing(r)], Math.round((outerMean - mean(unwrapRing(r))) / 360) * 360)[0] ?? [];
    const first = u[0];
    const last = u[u.length - 1];
    if (!first || !last || Math.abs(last[0] - first[0]) < 180) return u;
    // Round the pole: close through the pole on the side the ring lies.
    const pole = Math.sign(u.reduce((n, p) => n + p[1], 0)) * 90 || -90;
    return [...u, [last[0], pole], [first[0], pole], first] as Ring;
  });
  const lons = unwrapped.flat().map((p) => p[0]);
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  const copies: Position[][][] = [unwrapped];
  if (east > 180) copies.push(shift(unwrapped, -360));
  if (west < -180) copies.push(shift(unwrapped, 360));
  return copies;
}

function mean(ring: Ring): number {
  return ring.length ? ring.reduce((n, p) => n + p[0], 0) / ring.length : 0;
}

function shift(rings: Ring[], by: number): Ring[] {
  return rings.map((r) => r.map(([lon, lat]) => [lon + by, lat] as Position));
}

/** A segment that is a cut in the data, not a coast: along the antimeridian or round the pole. */
function artificial(a: Position, b: Position): boolean {
  if (Math.abs(a[1]) >= poleLatitude || Math.abs(b[1]) >= poleLatitude) return true;
  if (Math.abs(a[0] - b[0]) > 180) return true;
  return a[0] === b[0] && (((a[0] % 360) + 360) % 360) === 180;
}

/** A coastline split where it runs along a cut in the data, so only real coasts are stroked. */
export function coastPieces(line: Position[]): Position[][] {
  const pieces: Position[][] = [];
  let current: Position[] = [];
  line.forEach((p, i) => {
    const before = line[i - 1];
    if (before && artificial(before, p)) {
      if (current.length > 1) pieces.push(current);
      current = [];
    }
    current.push(p);
  });
  if (current.length > 1) pieces.push(current);
  return pieces;
}

/** Natural Earth detail for a zoom level: 1:110m for the world, 1:50m for a region, 1:10m close. */
export type Detail = '110m' | '50m' | '10m';
export function detailForZoom(zoom: number): Detail {
  if (zoom < 3) return '110m';
  if (zoom < 6) return '50m';
  return '10m';
}
