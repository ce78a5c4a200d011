import { numberFormat } from './intl-formats.ts';
/**
 * A video's length as a player shows it, "0:12" or "1:02:05", in the digits of the person's
 * language. A length under a second shows as 0:01 rather than as nothing.
 */
export function formatDuration(seconds: number, language: string): string {
  const total = seconds > 0 ? Math.max(1, Math.round(seconds)) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const plain = numberFormat(language, { useGrouping: false });
  const twoDigits = numberFormat(language, { useGrouping: false, minimumIntegerDigits: 2 });
  return hours > 0 ? `${plain.format(hours)}:${twoDigits.format(minutes)}:${twoDigits.format(secs)}` : `${plain.format(minutes)}:${twoDigits.format(secs)}`;
}
