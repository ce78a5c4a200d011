import { getTimes } from 'suncalc';

const dayMs = 86_400_000;
const twoPi = 2 * Math.PI;

/** The wall-clock offset of a time zone at an instant, in ms (Intl knows the zone's rules offline). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(instantMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * Sunrise and sunset of the day of a wall-clock time (ms as if UTC), as angles of that day's
 * wall clock, from suncalc at the station. Null where the sun does not rise or set that day.
 */
export function sunriseSunset(wallMs: number, latitude: number, longitude: number, timeZone: string): { sunrise: number; sunset: number } | null {
  const dayStart = Math.floor(wallMs / dayMs) * dayMs;
  // Local noon as an instant: suncalc finds the rise and set of the solar day around it.
  const noonInstant = dayStart + dayMs / 2 - zoneOffsetMs(timeZone, dayStart + dayMs / 2);
  const times = getTimes(new Date(noonInstant), latitude, longitude);
  if (!times.sunrise || !times.sunset || Number.isNaN(times.sunrise.getTime()) || Number.isNaN(times.sunset.getTime())) return null;
  const angle = (instant: number): number => {
    const wall = instant + zoneOffsetMs(timeZone, instant) - dayStart;
    return ((((wall / dayMs) % 1) + 1) % 1) * twoPi;
  };
  return { sunrise: angle(times.sunrise.getTime()), sunset: angle(times.sunset.getTime()) };
}

/**
 * Clock time (radians) to sun time, as overlap::sunTime (Nouvellet et al. 2012): sunrise maps
 * to π/2 and sunset to 3π/2, the day stretched or squeezed linearly between them, and the night
 * likewise between sunset and the next sunrise.
 */
export function toSunTime(clock: number, sunrise: number, sunset: number): number {
  const day = clock > sunrise && clock < sunset;
  const start = day ? sunrise : sunset;
  const dayLength = sunset - sunrise;
  const span = day ? dayLength : twoPi - dayLength;
  const since = (((clock - start + twoPi) % twoPi) + twoPi) % twoPi;
  const out = (day ? Math.PI / 2 : (3 * Math.PI) / 2) + (since / span) * Math.PI;
  return out % twoPi;
}
