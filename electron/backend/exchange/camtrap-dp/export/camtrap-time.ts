/*
 * Camtrap DP times are %Y-%m-%dT%H:%M:%S%z: seconds, never milliseconds, never without an
 * offset. The library keeps media times as the camera's wall clock (after the clock offset); a
 * deployment's cameras keep one UTC offset, the one its start was given in.
 */

const minuteMs = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC that a zone has at an instant (Europe/Brussels in July: 120). */
export function zoneOffsetMinutes(timeZone: string, instantMs: number): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const whole = Math.floor(instantMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(whole)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - whole) / minuteMs);
}

/**
 * The UTC offset of a deployment's camera clock: the one its start is written with, or, where
 * the start was given in UTC (Z, as some tools write every time), the offset its location's
 * zone had then, since cameras are set to local time.
 */
export function deploymentOffsetMinutes(deploymentStart: string, timeZone: string): number {
  const explicit = /([+-])(\d{2}):?(\d{2})$/.exec(deploymentStart);
  if (explicit) return (explicit[1] === '-' ? -1 : 1) * (Number(explicit[2]) * 60 + Number(explicit[3]));
  return zoneOffsetMinutes(timeZone, Date.parse(deploymentStart));
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A wall-clock reading (milliseconds counted as if UTC) with the clock's offset: 2021-04-11T20:43:09+01:00. */
export function wallClockToCamtrap(wallMs: number, offsetMinutes: number): string {
  return `${new Date(Math.floor(wallMs / 1000) * 1000).toISOString().slice(0, 19)}${formatOffset(offsetMinutes)}`;
}

/** An instant (any ISO time with an offset) as the wall clock of a camera with this offset. */
export function instantToCamtrap(iso: string, offsetMinutes: number): string {
  return wallClockToCamtrap(Date.parse(iso) + offsetMinutes * minuteMs, offsetMinutes);
}

/** An instant in UTC, as the app records when something was done: 2024-05-01T10:00:00Z. */
export function utcToCamtrap(iso: string): string {
  return `${new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** The calendar day of an instant at a camera with this offset, for `temporal`. */
export function dayAt(iso: string, offsetMinutes: number): string {
  return instantToCamtrap(iso, offsetMinutes).slice(0, 10);
}
