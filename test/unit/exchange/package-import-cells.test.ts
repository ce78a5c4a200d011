import { describe, expect, it } from 'vitest';
import { cellTypes, parseMoment, RowCells } from '../../../electron/backend/exchange/camtrap-dp/import/cells.ts';
import { Problems } from '../../../electron/backend/exchange/camtrap-dp/import/refusal.ts';
import { inStationTime, stationOffset } from '../../../electron/backend/exchange/camtrap-dp/import/station-time.ts';

describe('Camtrap DP times', () => {
  it('reads a time with its offset as the moment it names', () => {
    expect(parseMoment('2021-04-11T20:43:09+01:00')).toEqual({ text: '2021-04-11T20:43:09+01:00', ms: Date.parse('2021-04-11T19:43:09Z'), offsetMinutes: 60 });
    expect(parseMoment('2021-04-11T19:43:09Z')).toMatchObject({ ms: Date.parse('2021-04-11T19:43:09Z'), offsetMinutes: null });
    expect(parseMoment('2021-04-11T20:43:09-0330')).toMatchObject({ ms: Date.parse('2021-04-12T00:13:09Z'), offsetMinutes: -210 });
    expect(parseMoment('2021-04-11T20:43:09.250+01:00')?.ms).toBe(Date.parse('2021-04-11T19:43:09.250Z'));
  });

  it('refuses a time without an offset, and one that does not exist', () => {
    for (const text of ['2021-04-11T20:43:09', '2021-04-11 20:43:09+01:00', '2021-02-30T10:00:00Z', '2021-04-11T24:00:00Z', '2021-04-11T20:43:09+15:00', 'yesterday']) {
      expect(parseMoment(text), text).toBeNull();
    }
  });

  it('keeps a deployment in the offset its start gives, and one given in UTC in the zone of its station', () => {
    const start = parseMoment('2021-03-27T21:38:18+01:00');
    const utc = parseMoment('2021-07-01T10:00:00Z');
    if (!start || !utc) throw new Error('unreadable');
    expect(stationOffset({ deploymentStart: start, latitude: 50.699, longitude: 4.013 })).toEqual({ minutes: 60, fromZone: false });
    // Belgium in July: summer time.
    expect(stationOffset({ deploymentStart: utc, latitude: 50.699, longitude: 4.013 })).toEqual({ minutes: 120, fromZone: true });
    expect(inStationTime(utc, 120)).toBe('2021-07-01T12:00:00+02:00');
    expect(inStationTime(utc, -210)).toBe('2021-07-01T06:30:00-03:30');
  });
});

describe('a row of a table', () => {
  const row = (cells: Record<string, string>) => {
    const problems = new Problems();
    const columns = Object.keys(cells);
    return { cells: new RowCells('deployments.csv', 7, new Map(columns.map((c, i) => [c, i])), Object.values(cells), problems), problems };
  };

  it('reads numbers, booleans and choices, and says which cell is wrong and why', () => {
    const { cells, problems } = row({ latitude: '50.7', longitude: '200', baitUse: 'TRUE', count: '2.5', level: 'photo', empty: 'NA' });
    expect(cells.read('latitude', cellTypes.number(-90, 90), true)).toBe(50.7);
    expect(cells.read('longitude', cellTypes.number(-180, 180), true)).toBeUndefined();
    expect(cells.read('baitUse', cellTypes.boolean)).toBe(true);
    expect(cells.read('count', cellTypes.whole(1))).toBeUndefined();
    expect(cells.read('level', cellTypes.oneOf(['media', 'event']), true)).toBeUndefined();
    expect(cells.read('empty', cellTypes.number(0, 1))).toBeNull();
    expect(cells.read('empty', cellTypes.number(0, 1), true)).toBeUndefined();
    expect(problems.list()).toEqual([
      { key: 'table-value-too-large', values: { file: 'deployments.csv', row: 7, column: 'longitude', value: '200', maximum: 180 } },
      { key: 'table-value-not-integer', values: { file: 'deployments.csv', row: 7, column: 'count', value: '2.5' } },
      { key: 'table-value-not-allowed', values: { file: 'deployments.csv', row: 7, column: 'level', value: 'photo', allowed: 'media, event' } },
      { key: 'table-value-missing', values: { file: 'deployments.csv', row: 7, column: 'empty' } },
    ]);
  });

  it('keeps the columns the library has no place for', () => {
    const { cells } = row({ deploymentID: 'd1', habitat: 'marsh', setupBy: '', featureType: 'burrow' });
    expect(cells.rest(new Set(['deploymentID']))).toEqual({ habitat: 'marsh', featureType: 'burrow' });
  });

  it('names the first problems and counts the rest', () => {
    const problems = new Problems(2);
    for (let i = 0; i < 5; i += 1) problems.push({ key: 'package-import-file-empty', values: { path: `f${i}` } });
    expect(problems.count).toBe(5);
    expect(problems.list()).toHaveLength(3);
    expect(problems.list()[2]).toEqual({ key: 'package-more-problems', values: { count: 3 } });
  });
});
