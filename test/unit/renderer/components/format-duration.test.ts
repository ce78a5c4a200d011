import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../../renderer/components/format-duration.ts';

describe('a video length as a player shows it', () => {
  it('writes minutes and two-digit seconds, and hours when there are some', () => {
    expect(formatDuration(12, 'en')).toBe('0:12');
    expect(formatDuration(12.4, 'en')).toBe('0:12');
    expect(formatDuration(62, 'en')).toBe('1:02');
    expect(formatDuration(3725, 'en')).toBe('1:02:05');
  });

  it('shows a video shorter than a second as one second, and nothing as 0:00', () => {
    expect(formatDuration(0.4, 'en')).toBe('0:01');
    expect(formatDuration(0, 'en')).toBe('0:00');
  });

  it('uses the digits of the language', () => {
    expect(formatDuration(12, 'ar-EG')).toBe('٠:١٢');
  });
});
