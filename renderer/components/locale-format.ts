import { dateTimeFormat, numberFormat } from './intl-formats.ts';
/**
 * Times, sizes and numbers as the person's language writes them. Camera times are wall-clock
 * readings with no zone ("2021-04-11 20:43:09"): they are formatted as they are, never shifted
 * by the computer's own time zone.
 */
export function formatCameraTime(local: string | null | undefined, language: string, dateStyle: 'medium' | 'short' = 'medium'): string {
  if (!local) return '';
  const ms = Date.parse(`${local.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms)) return local;
  return dateTimeFormat(language, { dateStyle, timeStyle: 'medium', timeZone: 'UTC' }).format(ms);
}

export function formatCameraDate(local: string | null | undefined, language: string): string {
  if (!local) return '';
  const ms = Date.parse(`${local.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? local : dateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
}

/** A moment the app recorded (an ISO time with its zone), in the computer's own time zone. */
export function formatMoment(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatNumber(value: number, language: string, digits = 0): string {
  return numberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** Sizes in the decimal units disks are sold in, with the language's decimal mark. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return numberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** A month ("2021-04") as the language names it ("April 2021", "2021年4月"). */
export function formatMonth(month: string, language: string): string {
  const ms = Date.parse(`${month}-01T00:00:00Z`);
  return Number.isNaN(ms) ? month : dateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(ms);
}
