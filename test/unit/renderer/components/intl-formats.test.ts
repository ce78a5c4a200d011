import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../../../renderer/components/intl-formats.ts';

describe('kept Intl formatters', () => {
  it('gives back the same formatter for the same language and options, and another for others', () => {
    const percentFr = numberFormat('fr', { style: 'percent', maximumFractionDigits: 0 });
    expect(numberFormat('fr', { style: 'percent', maximumFractionDigits: 0 })).toBe(percentFr);
    expect(numberFormat('en', { style: 'percent', maximumFractionDigits: 0 })).not.toBe(percentFr);
    expect(percentFr.format(0.35)).toMatch(/^35\s%$/u);
    const day = dateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(day);
    expect(dateTimeFormat('en', { dateStyle: 'short', timeZone: 'UTC' })).not.toBe(day);
    expect(day.format(Date.UTC(2021, 3, 11))).toBe('Apr 11, 2021');
  });
});
