import { readingMs, type LocalDateTime } from './station-time.ts';
import { numberFormat } from '../../components/intl-formats.ts';

/**
 * What to add to every time the camera wrote, from one comparison: the camera showed this while
 * the real time was that. Both are wall-clock readings at the station, so no zone enters.
 */
export function clockOffsetSeconds(cameraShowed: LocalDateTime, realTime: LocalDateTime): number | null {
  const shown = readingMs(cameraShowed);
  const real = readingMs(realTime);
  return shown === null || real === null ? null : Math.round((real - shown) / 1000);
}

const units = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/** A length of time in the user's language, largest units first: "1 day 2 hr 5 sec". */
export function durationText(seconds: number, locale: string): string {
  let left = Math.abs(seconds);
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const count = Math.floor(left / size);
    left -= count * size;
    if (count > 0) parts.push(numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(count));
  }
  return parts.length > 0 ? parts.join(' ') : numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(0);
}
