import { describe, expect, it } from 'vitest';
import { needsOrder, ordersAllowed, readPeopleDate } from '../../../electron/backend/exchange/camtrapr/deployments-csv/people-dates.ts';
import { isoAtStation } from '../../../electron/backend/exchange/camtrapr/deployments-csv/zone-offset.ts';

const wall = (text: string, order: 'dmy' | 'mdy' = 'dmy') => {
  const read = readPeopleDate(text, order);
  return read && 'wallMs' in read ? `${new Date(read.wallMs).toISOString().slice(0, 19)}${read.hasTime ? '' : ' (day)'}` : read;
};

describe('dates as people write them', () => {
  it('reads the usual ways, in the order the table uses', () => {
    expect(wall('2024-03-01')).toBe('2024-03-01T00:00:00 (day)');
    expect(wall('2024/3/1 7:05')).toBe('2024-03-01T07:05:00');
    expect(wall('1/3/2024')).toBe('2024-03-01T00:00:00 (day)');
    expect(wall('1/3/2024', 'mdy')).toBe('2024-01-03T00:00:00 (day)');
    expect(wall('01.03.24 14h30')).toBe('2024-03-01T14:30:00');
    expect(wall('1-3-2024 23:59:59')).toBe('2024-03-01T23:59:59');
    expect(wall('1 March 2024')).toBe('2024-03-01T00:00:00 (day)');
    expect(wall('Mar 1, 2024 2:30 pm')).toBe('2024-03-01T14:30:00');
    expect(wall('01-Mar-2024 12:00 am')).toBe('2024-03-01T00:00:00');
    expect(readPeopleDate('2021-03-27T21:38:18+01:00', 'dmy')).toEqual({ iso: '2021-03-27T21:38:18+01:00' });
    expect(readPeopleDate('2021-03-27T21:38Z', 'dmy')).toEqual({ iso: '2021-03-27T21:38:00Z' });
    expect(readPeopleDate('2021-03-27T21:38:18+0100', 'dmy')).toEqual({ iso: '2021-03-27T21:38:18+01:00' });
  });

  it('refuses days and times that do not exist', () => {
    for (const text of ['31/02/2024', '2024-13-01', '1/3/2024 24:00', '1/3/2024 13:00 pm', 'yesterday', '', '1/3', '3 Smarch 2024']) expect(readPeopleDate(text, 'dmy'), text).toBeNull();
  });

  it('tells which order a value allows', () => {
    expect(ordersAllowed('15/4/2024')).toEqual(['dmy']);
    expect(ordersAllowed('4/15/2024')).toEqual(['mdy']);
    expect(ordersAllowed('1/3/2024')).toEqual(['dmy', 'mdy']);
    expect(needsOrder('2024-03-01')).toBe(false);
    expect(needsOrder('1 March 2024')).toBe(false);
    expect(needsOrder('1/3/2024')).toBe(true);
  });
});

describe('a station reading with its zone offset', () => {
  it('takes the offset the zone has at that reading, summer time included', () => {
    expect(isoAtStation(Date.UTC(2024, 0, 15, 12), 'Europe/Brussels')).toBe('2024-01-15T12:00:00+01:00');
    expect(isoAtStation(Date.UTC(2024, 6, 15, 12), 'Europe/Brussels')).toBe('2024-07-15T12:00:00+02:00');
    // Clocks go back at 03:00 on 27 October 2024: 02:30 happens twice, the summer one is meant.
    expect(isoAtStation(Date.UTC(2024, 9, 27, 2, 30), 'Europe/Brussels')).toBe('2024-10-27T02:30:00+02:00');
    expect(isoAtStation(Date.UTC(2024, 2, 1), 'America/Santiago')).toBe('2024-03-01T00:00:00-03:00');
    expect(isoAtStation(Date.UTC(2024, 2, 1), 'Asia/Kolkata')).toBe('2024-03-01T00:00:00+05:30');
  });
});
