import { describe, expect, it } from 'vitest';
import { deploymentOffsetMinutes, instantToCamtrap, utcToCamtrap, wallClockToCamtrap, zoneOffsetMinutes } from '../../../electron/backend/exchange/camtrap-dp/export/camtrap-time.ts';
import { localTimeToMs } from '../../../electron/backend/library/local-time.ts';

describe('Camtrap DP times', () => {
  it('takes a deployment’s clock offset from its start, or from its zone where the start is in UTC', () => {
    expect(deploymentOffsetMinutes('2021-03-27T21:38:18+01:00', 'Europe/Brussels')).toBe(60);
    expect(deploymentOffsetMinutes('2021-07-01T08:00:00-05:30', 'Europe/Brussels')).toBe(-330);
    expect(deploymentOffsetMinutes('2021-01-01T00:00:00Z', 'Europe/Brussels')).toBe(60);
    expect(deploymentOffsetMinutes('2021-07-01T00:00:00Z', 'Europe/Brussels')).toBe(120);
    expect(deploymentOffsetMinutes('2021-07-01T00:00:00.000Z', 'Asia/Kathmandu')).toBe(345);
    expect(zoneOffsetMinutes('America/Sao_Paulo', Date.parse('2024-01-01T12:00:00Z'))).toBe(-180);
  });

  it('writes seconds with the offset, never milliseconds, never a naive time', () => {
    expect(wallClockToCamtrap(localTimeToMs('2021-04-11 20:43:09.750'), 60)).toBe('2021-04-11T20:43:09+01:00');
    expect(wallClockToCamtrap(localTimeToMs('1999-12-31 23:59:59'), -330)).toBe('1999-12-31T23:59:59-05:30');
    expect(instantToCamtrap('2021-03-27T20:38:18.5Z', 60)).toBe('2021-03-27T21:38:18+01:00');
    expect(instantToCamtrap('2021-03-27T21:38:18+01:00', 120)).toBe('2021-03-27T22:38:18+02:00');
    expect(utcToCamtrap('2024-05-01T10:00:00.123Z')).toBe('2024-05-01T10:00:00Z');
  });
});
