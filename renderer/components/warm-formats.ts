import { formatCameraTime } from './locale-format.ts';
import { percent } from './percent.ts';

/**
 * The first Intl formatter of a page costs some 20 ms (the locale's data is read); later ones
 * cost a hundredth of that. The grid's own (its times and percentages) are made while the app
 * waits for the backend's first answers, instead of while it draws the first screen.
 */
export function warmFormats(language: string): void {
  percent(0, language);
  formatCameraTime('2000-01-01 00:00:00', language, 'short');
  formatCameraTime('2000-01-01 00:00:00', language);
}
