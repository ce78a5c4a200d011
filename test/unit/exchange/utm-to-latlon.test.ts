import { describe, expect, it } from 'vitest';
import { utmToLatLon } from '../../../electron/backend/exchange/camtrapr/deployments-csv/utm-to-latlon.ts';

// References computed with PROJ 9.1.1's cs2cs (Debian proj-bin), e.g. `echo "448252 5411935" | cs2cs -f %.6f EPSG:32631 EPSG:4326`.
describe('UTM coordinates as latitude and longitude', () => {
  it('puts the Eiffel Tower (31N 448252 5411935) where it stands', () => {
    expect(utmToLatLon(448252, 5411935, { zone: 31, hemisphere: 'north' })).toEqual({ latitude: 48.858221, longitude: 2.294502 });
  });

  it("reads the southern hemisphere's false northing (37S, near Kilimanjaro)", () => {
    expect(utmToLatLon(350000, 9700000, { zone: 37, hemisphere: 'south' })).toEqual({ latitude: -2.713417, longitude: 37.65061 });
  });

  it("puts camtrapR's StationA in Sabah (50N)", () => {
    expect(utmToLatLon(526000, 607050, { zone: 50, hemisphere: 'north' })).toEqual({ latitude: 5.491957, longitude: 117.234725 });
  });

  it('gives no place for numbers that are none', () => {
    expect(utmToLatLon(5e9, 1, { zone: 50, hemisphere: 'north' })).toBeNull();
  });
});
