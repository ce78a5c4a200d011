const minuteMs = 60_000;
const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockAt(timeZone: string, instantMs: number): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(instantMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function offsetAt(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallClockAt(timeZone, whole) - whole) / minuteMs);
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A wall-clock reading at a station (milliseconds counted as if UTC) with the offset its zone had
 * then, as the setup page stores times: when clocks go back the first (summer) reading is meant,
 * a reading skipped when they go forward keeps the offset from before.
 */
export function isoAtStation(wallMs: number, timeZone: string): string {
  const before = offsetAt(timeZone, wallMs - dayMs);
  const after = offsetAt(timeZone, wallMs + dayMs);
  const fits = [before, after].filter((offset) => offsetAt(timeZone, wallMs - offset * minuteMs) === offset);
  const offset = fits.length === 0 ? before : Math.max(...fits);
  return `${new Date(wallMs).toISOString().slice(0, 19)}${formatOffset(offset)}`;
}
