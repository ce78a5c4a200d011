import { isoToLocal, type LocalDateTime, readingMs } from './station-time.ts';
import type { Deployment } from '../../../electron/backend/library/contract.ts';
import { dateTimeFormat } from '../../components/intl-formats.ts';

/**
 * Camera problem periods are station wall-clock readings: a day ('2021-04-02', the whole day)
 * or a day and a time ('2021-04-02 08:30:00'). Here they are split for the pickers, joined back
 * for the backend, and placed on the deployment's time line (milliseconds counted as if UTC).
 */

const dayMs = 86_400_000;

/** A stored reading as the pickers take it; the time is '' for a whole day. */
export function splitReading(stored: string): LocalDateTime {
  return { date: stored.slice(0, 10), time: stored.length > 10 ? stored.slice(11, 16) : '' };
}

/** The pickers' reading as the backend takes it; null while the day is missing. */
export function joinReading({ date, time }: LocalDateTime): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return time ? `${date} ${time.slice(0, 5)}` : date;
}

const dayStartMs = (date: string): number | null => readingMs({ date, time: '00:00' });

/** Where a period starts: a whole day from its first moment. */
export function problemFromMs(stored: string): number | null {
  const { date, time } = splitReading(stored);
  return time ? readingMs({ date, time }) : dayStartMs(date);
}

/** Where a period ends: a whole day runs to the next midnight. */
export function problemToMs(stored: string): number | null {
  const { date, time } = splitReading(stored);
  if (time) return readingMs({ date, time });
  const start = dayStartMs(date);
  return start === null ? null : start + dayMs;
}

/** Setup and retrieval on the station's clock; dates-only deployments run from setup day's first moment to the end of retrieval day. */
export function deploymentSpanMs(d: Deployment): { fromMs: number; toMs: number } | null {
  const from = isoToLocal(d.deploymentStart, d.timeZone);
  const to = isoToLocal(d.deploymentEnd, d.timeZone);
  if (!from || !to) return null;
  const fromMs = d.datesOnly ? dayStartMs(from.date) : readingMs(from);
  const toStart = dayStartMs(to.date);
  const toMs = d.datesOnly ? (toStart === null ? null : toStart + dayMs) : readingMs(to);
  return fromMs === null || toMs === null || toMs <= fromMs ? null : { fromMs, toMs };
}

/** A wall-clock reading in the user's language, with its time when it has one. */
export function formatReading(stored: string, locale: string): string {
  const { date, time } = splitReading(stored);
  const ms = time ? readingMs({ date, time }) : dayStartMs(date);
  if (ms === null) return stored;
  return dateTimeFormat(locale, time ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
}
