import { describe, expect, it } from 'vitest';
import { clockOffsetSeconds, durationText } from '../../../../../renderer/pages/setup/clock-offset.ts';
import { formatOffset, formatStationTime, isoToLocal, localToIso, offsetMinutesAt, zoneLabel } from '../../../../../renderer/pages/setup/station-time.ts';

const brussels = 'Europe/Brussels';
const kualaLumpur = 'Asia/Kuala_Lumpur';

describe('station time and its UTC offset', () => {
  it('gives the offset Brussels has on each side of the spring change (28 March 2021, 02:00 -> 03:00)', () => {
    expect(localToIso({ date: '2021-03-27', time: '21:38:18' }, brussels)).toBe('2021-03-27T21:38:18+01:00');
    expect(localToIso({ date: '2021-03-28', time: '01:59' }, brussels)).toBe('2021-03-28T01:59:00+01:00');
    expect(localToIso({ date: '2021-03-28', time: '03:00' }, brussels)).toBe('2021-03-28T03:00:00+02:00');
    expect(localToIso({ date: '2021-04-18', time: '22:25' }, brussels)).toBe('2021-04-18T22:25:00+02:00');
  });

  it('keeps a reading the spring change skipped, with the offset from before, which is the same instant an hour later', () => {
    const skipped = localToIso({ date: '2021-03-28', time: '02:30' }, brussels);
    expect(skipped).toBe('2021-03-28T02:30:00+01:00');
    expect(Date.parse(skipped ?? '')).toBe(Date.parse('2021-03-28T03:30:00+02:00'));
  });

  it('takes the first of the two readings the autumn change repeats (31 October 2021, 03:00 -> 02:00)', () => {
    expect(localToIso({ date: '2021-10-31', time: '02:30' }, brussels)).toBe('2021-10-31T02:30:00+02:00');
    expect(localToIso({ date: '2021-10-31', time: '03:00' }, brussels)).toBe('2021-10-31T03:00:00+01:00');
    expect(localToIso({ date: '2021-10-30', time: '23:00' }, brussels)).toBe('2021-10-30T23:00:00+02:00');
  });

  it('handles a zone without summer time, and its historical half-hour change (Kuala Lumpur, 1 January 1982)', () => {
    expect(localToIso({ date: '2021-06-01', time: '08:00:05' }, kualaLumpur)).toBe('2021-06-01T08:00:05+08:00');
    expect(localToIso({ date: '2021-12-31', time: '23:59:59' }, kualaLumpur)).toBe('2021-12-31T23:59:59+08:00');
    expect(localToIso({ date: '1981-12-31', time: '23:00' }, kualaLumpur)).toBe('1981-12-31T23:00:00+07:30');
    expect(localToIso({ date: '1981-12-31', time: '23:45' }, kualaLumpur)).toBe('1981-12-31T23:45:00+07:30');
    expect(localToIso({ date: '1982-01-01', time: '00:15' }, kualaLumpur)).toBe('1982-01-01T00:15:00+08:00');
  });

  it('writes offsets west of Greenwich and in half hours', () => {
    expect(localToIso({ date: '2021-07-01', time: '12:00' }, 'America/St_Johns')).toBe('2021-07-01T12:00:00-02:30');
    expect(localToIso({ date: '2021-01-01', time: '12:00' }, 'Asia/Kolkata')).toBe('2021-01-01T12:00:00+05:30');
    expect(localToIso({ date: '2021-01-01', time: '12:00' }, 'Etc/GMT')).toBe('2021-01-01T12:00:00+00:00');
    expect(formatOffset(-150)).toBe('-02:30');
    expect(offsetMinutesAt(brussels, Date.parse('2021-07-01T00:00:00Z'))).toBe(120);
  });

  it('refuses readings that are incomplete or do not exist', () => {
    expect(localToIso({ date: '', time: '10:00' }, brussels)).toBeNull();
    expect(localToIso({ date: '2021-02-30', time: '10:00' }, brussels)).toBeNull();
    expect(localToIso({ date: '2021-02-03', time: '' }, brussels)).toBeNull();
  });

  it('turns a stored time back into the station reading, whatever offset it was written with', () => {
    expect(isoToLocal('2021-03-27T21:38:18+01:00', brussels)).toEqual({ date: '2021-03-27', time: '21:38:18' });
    // Camtrap DP's example writes +01:00 all year: in April that is 23:25 on a Brussels clock.
    expect(isoToLocal('2021-04-18T22:25:00+01:00', brussels)).toEqual({ date: '2021-04-18', time: '23:25:00' });
    expect(isoToLocal('2021-04-18T22:25:00Z', kualaLumpur)).toEqual({ date: '2021-04-19', time: '06:25:00' });
    for (const time of ['00:00:00', '02:30:00', '12:00:00']) {
      const iso = localToIso({ date: '2021-10-31', time }, brussels) ?? '';
      expect(isoToLocal(iso, brussels)).toEqual({ date: '2021-10-31', time });
    }
  });

  it('names the zone with the offset at that reading', () => {
    expect(zoneLabel(brussels, { date: '2021-03-27', time: '21:38' })).toBe('Europe/Brussels, UTC+01:00');
    expect(zoneLabel(brussels, { date: '2021-04-18', time: '22:25' })).toBe('Europe/Brussels, UTC+02:00');
    expect(zoneLabel(kualaLumpur)).toBe('Asia/Kuala_Lumpur, UTC+08:00');
  });

  it('shows a stored time in station time in the user language', () => {
    expect(formatStationTime('2021-04-18T22:25:00+02:00', brussels, 'en-GB')).toBe('18 Apr 2021, 22:25');
    expect(formatStationTime('2021-04-18T22:25:00+02:00', kualaLumpur, 'en-GB')).toBe('19 Apr 2021, 04:25');
    expect(formatStationTime('2021-04-18T22:25:00+02:00', brussels, 'fr')).toMatch(/^18 avr\. 2021.*22:25$/);
  });
});

describe('clock offset from what the camera showed and the real time', () => {
  it('counts the seconds to add, across midnight and days', () => {
    expect(clockOffsetSeconds({ date: '2021-04-11', time: '20:43:09' }, { date: '2021-04-11', time: '21:43:09' })).toBe(3600);
    expect(clockOffsetSeconds({ date: '2021-04-12', time: '00:00:30' }, { date: '2021-04-11', time: '23:59' })).toBe(-90);
    expect(clockOffsetSeconds({ date: '2020-01-01', time: '00:00' }, { date: '2021-04-11', time: '08:00' })).toBe((466 * 24 + 8) * 3600);
    expect(clockOffsetSeconds({ date: '2021-04-11', time: '' }, { date: '2021-04-11', time: '08:00' })).toBeNull();
  });

  it('says how long in the user language', () => {
    expect(durationText(3600 + 125, 'en')).toBe('1 hr 2 min 5 sec');
    expect(durationText(-90061, 'en')).toBe('1 day 1 hr 1 min 1 sec');
    expect(durationText(0, 'en')).toBe('0 sec');
  });
});
