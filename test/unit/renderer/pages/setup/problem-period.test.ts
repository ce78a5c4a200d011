import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../../../electron/backend/library/contract.ts';
import { deploymentSpanMs, formatReading, joinReading, problemFromMs, problemToMs, splitReading } from '../../../../../renderer/pages/setup/problem-period.ts';

const deployment = (start: string, end: string, datesOnly: boolean): Deployment => ({
  deploymentID: 'd1',
  locationID: 'pond',
  locationName: 'Pond',
  latitude: 50.7,
  longitude: 4,
  timeZone: 'Europe/Brussels',
  deploymentStart: start,
  deploymentEnd: end,
  cameraID: null,
  cameraModel: null,
  cameraHeight: null,
  baitUse: null,
  deploymentComments: null,
  clockOffsetSeconds: 0,
  datesOnly,
  mediaCount: 0,
});

describe('camera problem periods on the station clock', () => {
  it('splits stored readings for the pickers and joins them back as the backend takes them', () => {
    expect(splitReading('2021-04-02')).toEqual({ date: '2021-04-02', time: '' });
    expect(splitReading('2021-04-02 08:30:00')).toEqual({ date: '2021-04-02', time: '08:30' });
    expect(joinReading({ date: '2021-04-02', time: '' })).toBe('2021-04-02');
    expect(joinReading({ date: '2021-04-02', time: '08:30:15' })).toBe('2021-04-02 08:30');
    expect(joinReading({ date: '', time: '08:30' })).toBeNull();
  });

  it('runs a whole day from its first moment to the next midnight, a time exactly', () => {
    expect(problemFromMs('2021-04-02')).toBe(Date.UTC(2021, 3, 2));
    expect(problemToMs('2021-04-03')).toBe(Date.UTC(2021, 3, 4));
    expect(problemToMs('2021-04-03 12:15:00')).toBe(Date.UTC(2021, 3, 3, 12, 15));
  });

  it('places a deployment on its station clock, a dates-only one from setup day to the end of retrieval day', () => {
    expect(deploymentSpanMs(deployment('2021-03-27T21:38:18+01:00', '2021-04-18T22:25:00+02:00', false))).toEqual({ fromMs: Date.UTC(2021, 2, 27, 21, 38, 18), toMs: Date.UTC(2021, 3, 18, 22, 25) });
    expect(deploymentSpanMs(deployment('2021-03-27T00:00:00+01:00', '2021-04-18T23:59:59+02:00', true))).toEqual({ fromMs: Date.UTC(2021, 2, 27), toMs: Date.UTC(2021, 3, 19) });
  });

  it('writes a day, or a day and a time, in the user language without shifting it', () => {
    expect(formatReading('2021-04-02', 'en-GB')).toBe('2 Apr 2021');
    expect(formatReading('2021-04-02 08:30:00', 'en-GB')).toBe('2 Apr 2021, 08:30');
  });
});
