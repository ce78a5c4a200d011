import type { Moment } from './cells.ts';
import type { DeploymentRow } from './package-rows.ts';
import { timeZoneAt } from '../../../library/time-zone.ts';

/** The UTC offset of a zone at a moment, in minutes east of Greenwich. */
function zoneOffsetMinutes(zone: string, ms: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The offset a deployment's times are kept in: the one its deploymentStart gives, as the
 * library keeps a deployment's times. A start given in UTC (Z) says nothing about the station's
 * clock, so the offset of the time zone at the station on that day is used instead.
 */
export function stationOffset(d: Pick<DeploymentRow, 'deploymentStart' | 'latitude' | 'longitude'>): { minutes: number; fromZone: boolean } {
  if (d.deploymentStart.offsetMinutes !== null) return { minutes: d.deploymentStart.offsetMinutes, fromZone: false };
  return { minutes: zoneOffsetMinutes(timeZoneAt(d.latitude, d.longitude), d.deploymentStart.ms), fromZone: true };
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

export function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

/** The wall clock at the station for a moment, as the library keeps media times (milliseconds as if UTC). */
export function wallClockMs(m: Moment, offsetMinutes: number): number {
  return m.ms + offsetMinutes * 60_000;
}

/** A moment written in the station's offset, as Camtrap DP wants it: 2021-04-11T20:43:09+01:00. */
export function inStationTime(m: Moment, offsetMinutes: number): string {
  const wall = new Date(wallClockMs(m, offsetMinutes)).toISOString().slice(0, 19);
  return `${wall}${offsetText(offsetMinutes)}`;
}
