import fs from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { coastPieces, detailForZoom, drawablePolygon, type Position, unwrapRing } from '../../../../renderer/components/basemap-geometry.ts';

/** Steps in longitude, but along a pole, where a flat map draws a straight edge at its bottom. */
const steps = (ring: Position[]) => ring.slice(1).map((p, i) => (Math.abs(p[1]) === 90 && Math.abs((ring[i] as Position)[1]) === 90 ? 0 : Math.abs(p[0] - (ring[i] as Position)[0])));

describe('Natural Earth rings on a flat map', () => {
  it('keeps an island across the antimeridian in one piece and draws it on both sides', () => {
    // A Fiji-like island from 179° east to 179° west.
    const island: Position[] = [[179, -16], [-179, -16], [-179, -17], [179, -17], [179, -16]];
    expect(unwrapRing(island)).toEqual([[179, -16], [181, -16], [181, -17], [179, -17], [179, -16]]);
    const copies = drawablePolygon([island]);
    expect(copies).toHaveLength(2);
    expect(copies[1]?.[0]?.map((p) => p[0])).toEqual([-181, -179, -179, -181, -181]);
  });

  it('closes a ring round the South Pole along the pole, not across the ocean', () => {
    const antarctica: Position[] = [[-90, -70], [0, -70], [90, -70], [178, -78], [-180, -78.5], [-90, -70]];
    const [ring] = drawablePolygon([antarctica])[0] ?? [];
    expect(Math.max(...steps(ring ?? []))).toBeLessThanOrEqual(180);
    expect(ring?.slice(-3)).toEqual([[270, -90], [-90, -90], [-90, -70]]);
    // The closing edge and the edge along the pole are not coasts.
    expect(coastPieces(ring ?? []).flat().every((p) => p[1] > -90)).toBe(true);
  });

  it('does not stroke the cuts along the antimeridian', () => {
    const piece: Position[] = [[170, 60], [180, 60], [180, 70], [170, 70]];
    expect(coastPieces(piece)).toEqual([[[170, 60], [180, 60]], [[180, 70], [170, 70]]]);
  });

  it('leaves no step of more than half the world in any land ring of world-atlas', () => {
    for (const name of ['110m', '50m']) {
      const world = JSON.parse(fs.readFileSync(`node_modules/world-atlas/countries-${name}.json`, 'utf8')) as Topology<{ land: GeometryCollection }>;
      const land = feature(world, world.objects.land);
      const polygons = land.features.map((f) => f.geometry).flatMap((g) =>
        g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [],
      ) as Position[][][];
      const rings = polygons.flatMap((p) => drawablePolygon(p)).flat();
      expect(rings.length).toBeGreaterThan(100);
      expect(Math.max(...rings.flatMap((r) => steps(r)))).toBeLessThan(180);
    }
  });

  it('chooses finer detail as the map zooms in', () => {
    expect([0, 2, 3, 5, 6, 12].map(detailForZoom)).toEqual(['110m', '110m', '50m', '50m', '10m', '10m']);
  });
});
