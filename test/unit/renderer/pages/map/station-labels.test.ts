import { describe, expect, it } from 'vitest';
import { contextZoom, stationBounds } from '../../../../../renderer/pages/map/fit-view.ts';
import { labelBox, visibleLabels } from '../../../../../renderer/pages/map/station-labels.ts';

describe('station names on the map', () => {
  it('shows a name only where it covers no name already shown', () => {
    const boxes = [labelBox('a', 'Ardennes north', 100, 100, 5), labelBox('b', 'Ardennes south', 110, 105, 5), labelBox('c', 'Coast', 100, 140, 5)];
    expect([...visibleLabels(boxes)]).toEqual(['a', 'c']);
  });

  it('shows at most thirty names on one screen', () => {
    const boxes = Array.from({ length: 50 }, (_, i) => labelBox(`s${i}`, 'Station', 0, i * 30, 5));
    expect(visibleLabels(boxes).size).toBe(30);
  });
});

describe('the view the map opens at', () => {
  it('spans the stations and is never closer than a zoom that shows the land round them', () => {
    expect(stationBounds([])).toBeNull();
    expect(stationBounds([{ latitude: 51.2, longitude: 4.1 }])).toEqual([[51.2, 4.1], [51.2, 4.1]]);
    expect(stationBounds([{ latitude: 51.2, longitude: 4.1 }, { latitude: 4.6, longitude: 101.1 }])).toEqual([[4.6, 4.1], [51.2, 101.1]]);
    expect(contextZoom).toBeLessThanOrEqual(8);
  });
});
