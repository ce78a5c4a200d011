import { describe, expect, it } from 'vitest';
import type { StationActivity } from '../../../../../electron/backend/analysis/contract.ts';
import { nextSort, stationRows } from '../../../../../renderer/pages/map/station-rows.ts';

const station = (locationName: string, events: number, trapNights: number): StationActivity => ({
  locationID: locationName,
  locationName,
  latitude: 0,
  longitude: 0,
  deployments: 1,
  trapNights,
  events,
  rai: (events / trapNights) * 100,
});

const stations = [station('Station 10', 5, 100), station('Rivière 3', 2, 10), station('Station 2', 5, 50), station('station 1', 0, 30)];
const names = (rows: StationActivity[]) => rows.map((s) => s.locationName);

describe('the station table beside the map', () => {
  it('orders names as people read them: Station 2 before Station 10, case aside', () => {
    expect(names(stationRows(stations, '', { column: 'name', descending: false }, 'en'))).toEqual(['Rivière 3', 'station 1', 'Station 2', 'Station 10']);
  });

  it('finds names whatever their accents and case', () => {
    expect(names(stationRows(stations, '  RIVIERE ', { column: 'name', descending: false }, 'en'))).toEqual(['Rivière 3']);
    expect(names(stationRows(stations, 'station 1', { column: 'name', descending: false }, 'en'))).toEqual(['station 1', 'Station 10']);
  });

  it('puts the largest number first on a first click, and equal numbers in name order', () => {
    const byEvents = nextSort({ column: 'name', descending: false }, 'events');
    expect(byEvents).toEqual({ column: 'events', descending: true });
    expect(names(stationRows(stations, '', byEvents, 'en'))).toEqual(['Station 2', 'Station 10', 'Rivière 3', 'station 1']);
    expect(names(stationRows(stations, '', nextSort(byEvents, 'rai'), 'en'))).toEqual(['Rivière 3', 'Station 2', 'Station 10', 'station 1']);
    expect(nextSort(byEvents, 'events')).toEqual({ column: 'events', descending: false });
    expect(nextSort(byEvents, 'name')).toEqual({ column: 'name', descending: false });
  });
});
