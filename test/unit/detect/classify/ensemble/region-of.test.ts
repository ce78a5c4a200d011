import { describe, expect, it } from 'vitest';
import { regionOf } from '../../../../../electron/backend/detect/classify/ensemble/region-of.ts';

const places: [string, number, number, string | null, string | null][] = [
  ['Nairobi', -1.2921, 36.8219, 'KEN', null],
  ['Sequoia National Park, California', 36.4864, -118.5658, 'USA', 'CA'],
  ['Paris', 48.8566, 2.3522, 'FRA', null],
  ['the middle of the Atlantic', 30, -40, null, null],
  ['Yellowstone, Wyoming', 44.428, -110.5885, 'USA', 'WY'],
  ['Anchorage, Alaska', 61.2181, -149.9003, 'USA', 'AK'],
  ['Washington, DC', 38.91, -77.02, 'USA', 'DC'],
  ['Brooklyn, on a shore the 1:50m coast leaves out', 40.5749, -73.9857, 'USA', 'NY'],
  ['Key West, Florida', 24.5551, -81.78, 'USA', 'FL'],
  ['Puerto Rico, its own ISO 3166-1 country', 18.2208, -66.5901, 'PRI', null],
  ['Toronto, Canada: no region outside the US', 43.6532, -79.3832, 'CAN', null],
];

describe('the region of a point, offline', () => {
  it.each(places)('%s', (_name, latitude, longitude, country, admin1) => {
    expect(regionOf(latitude, longitude)).toEqual({ country, admin1 });
  });

  it('gives nothing for coordinates off the globe', () => {
    expect(regionOf(91, 0)).toEqual({ country: null, admin1: null });
    expect(regionOf(0, Number.NaN)).toEqual({ country: null, admin1: null });
  });
});
