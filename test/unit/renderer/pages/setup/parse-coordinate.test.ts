import { describe, expect, it } from 'vitest';
import { parseCoordinate } from '../../../../../renderer/pages/setup/parse-coordinate.ts';

describe('coordinates as people write them', () => {
  it('reads decimals with a dot or a comma', () => {
    expect(parseCoordinate('50.699', 'latitude')).toBe(50.699);
    expect(parseCoordinate('50,699', 'latitude')).toBe(50.699);
    expect(parseCoordinate(' 4,013 ', 'longitude')).toBe(4.013);
    expect(parseCoordinate('-2,5', 'latitude')).toBe(-2.5);
  });

  it('reads degrees, minutes and seconds with the hemisphere before or after', () => {
    expect(parseCoordinate('50°41\'56.4"N', 'latitude')).toBe(50.699);
    expect(parseCoordinate('50 41 56,4 N', 'latitude')).toBe(50.699);
    expect(parseCoordinate("N 50° 41.94'", 'latitude')).toBe(50.699);
    expect(parseCoordinate('4°0′46.8″W', 'longitude')).toBe(-4.013);
    expect(parseCoordinate('2°30\'S', 'latitude')).toBe(-2.5);
  });

  it('refuses what is no coordinate, or out of range, or the wrong hemisphere for the axis', () => {
    for (const [text, axis] of [['', 'latitude'], ['abc', 'latitude'], ['91', 'latitude'], ['181', 'longitude'], ['50°61\'N', 'latitude'], ['50°41\'E', 'latitude'], ['4°W', 'latitude'], ['1.2.3', 'longitude']] as const) {
      expect(parseCoordinate(text, axis), `${text} as ${axis}`).toBeNull();
    }
  });
});
