/**
 * Camera clocks have no time zone: a time is kept as the wall-clock reading, stored as
 * milliseconds as if it were UTC, so that arithmetic on it never shifts it by a zone.
 */
export function localTimeToMs(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}Z`);
}

export function msToLocalTime(ms: number): string {
  const iso = new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  return iso.endsWith('.000') ? iso.slice(0, -4) : iso;
}

/** The wall-clock part of an ISO time with an offset, as the camera at that place would show it. */
export function wallClockMs(isoWithOffset: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)/.exec(isoWithOffset);
  if (!match?.[1]) return Number.NaN;
  return Date.parse(`${match[1]}Z`);
}
