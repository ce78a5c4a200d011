import { dateTimeFormat } from '../../components/intl-formats.ts';
/**
 * Times at a camera station: entered and shown in the station's local time, stored with the UTC
 * offset that zone had at that moment (Camtrap DP: 2021-03-27T21:38:18+01:00). The offset comes
 * from the zone rules the browser carries (Intl), so summer time is right for every date.
 */

/** A wall-clock reading as the date and time pickers give it: 2021-03-27 and 21:38 or 21:38:18. */
export interface LocalDateTime {
  date: string;
  time: string;
}

const minuteMs = 60_000;
const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of the zone at an instant, as milliseconds counted as if it were UTC. */
function wallClockAt(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instantMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Minutes east of UTC in force in the zone at an instant (Europe/Brussels in July: 120). */
export function offsetMinutesAt(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallClockAt(timeZone, whole) - whole) / minuteMs);
}

/** A complete, real reading as milliseconds counted as if it were UTC; null otherwise. */
export function readingMs({ date, time }: LocalDateTime): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute, second] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  return back.getUTCDate() === day && back.getUTCMonth() === month - 1 && hour < 24 && minute < 60 && second < 60 ? ms : null;
}

/**
 * The offset the zone has at this wall-clock reading. When clocks go back, the reading happens
 * twice and the first (summer) one is meant; when they go forward, the skipped reading keeps
 * the offset from before the change, which names the same instant as the reading an hour later.
 */
export function offsetMinutesForLocal(local: LocalDateTime, timeZone: string): number | null {
  const wall = readingMs(local);
  if (wall === null) return null;
  const before = offsetMinutesAt(timeZone, wall - dayMs);
  const after = offsetMinutesAt(timeZone, wall + dayMs);
  const fits = [before, after].filter((offset) => offsetMinutesAt(timeZone, wall - offset * minuteMs) === offset);
  if (fits.length === 0) return before;
  return Math.max(...fits);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The reading with its offset, as Camtrap DP stores it: 2021-03-27T21:38:18+01:00. Null when it is incomplete. */
export function localToIso(local: LocalDateTime, timeZone: string): string | null {
  const offset = offsetMinutesForLocal(local, timeZone);
  if (offset === null) return null;
  const time = local.time.length === 5 ? `${local.time}:00` : local.time;
  return `${local.date}T${time}${formatOffset(offset)}`;
}

/** The station's wall clock at the instant an ISO time names, for the pickers. */
export function isoToLocal(iso: string, timeZone: string): LocalDateTime | null {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return null;
  const wall = new Date(wallClockAt(timeZone, instant)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 19) };
}

/** The zone as shown beside the pickers: "Europe/Brussels, UTC+01:00" (the offset at that reading when there is one). */
export function zoneLabel(timeZone: string, local?: LocalDateTime): string {
  const offset = (local ? offsetMinutesForLocal(local, timeZone) : null) ?? offsetMinutesAt(timeZone, Date.now());
  return `${timeZone}, UTC${formatOffset(offset)}`;
}

/** An ISO time in the station's local time, in the user's language (27 Mar 2021, 21:38). */
export function formatStationTime(iso: string, timeZone: string, locale: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(instant);
}
