import { Ajv } from 'ajv';
import geojsonSchema from 'geojson-schema/GeoJSON.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { spatialCoverage } from '../../../electron/backend/exchange/camtrap-dp/export/spatial.ts';

const isGeojson = new Ajv({ strict: false }).compile(geojsonSchema);

describe('the spatial coverage of a package', () => {
  it('is a Point for one place, a counter-clockwise bounding box for several, and never without area', () => {
    const one = spatialCoverage([{ latitude: 50.699, longitude: 4.013 }, { latitude: 50.699, longitude: 4.013 }]);
    expect(one).toEqual({ type: 'Point', coordinates: [4.013, 50.699] });
    const box = spatialCoverage([{ latitude: 50.699, longitude: 4.013 }, { latitude: 51.496, longitude: 5.659 }]);
    expect(box).toEqual({ type: 'Polygon', coordinates: [[[4.013, 50.699], [5.659, 50.699], [5.659, 51.496], [4.013, 51.496], [4.013, 50.699]]] });
    const row = spatialCoverage([{ latitude: 10, longitude: 4 }, { latitude: 10, longitude: 5 }]);
    expect(row).toEqual({ type: 'Polygon', coordinates: [[[4, 9.9999], [5, 9.9999], [5, 10.0001], [4, 10.0001], [4, 9.9999]]] });
    const pole = spatialCoverage([{ latitude: 90, longitude: 0 }, { latitude: 90, longitude: 10 }]);
    for (const g of [one, box, row, pole]) expect(isGeojson(g), JSON.stringify(g)).toBe(true);
  });
});
