import { describe, expect, it } from 'vitest';
import { formatBytes, formatCameraDate, formatCameraTime, formatMonth, formatNumber } from '../../../../renderer/components/locale-format.ts';

describe('times, sizes and numbers in the language of the person', () => {
  it('writes a camera time as each language does, never shifted by a time zone', () => {
    expect(formatCameraTime('2021-04-11 20:43:09', 'en')).toBe('Apr 11, 2021, 8:43:09 PM');
    expect(formatCameraTime('2021-04-11 20:43:09', 'fr')).toBe('11 avr. 2021, 20:43:09');
    expect(formatCameraTime('2021-04-11 20:43:09', 'zh-CN')).toBe('2021年4月11日 20:43:09');
    expect(formatCameraTime('2021-04-11 23:59:59.5', 'pt-BR')).toContain('11 de abr. de 2021');
    expect(formatCameraDate('2021-04-11 20:43:09', 'es')).toBe('11 abr 2021');
    expect(formatMonth('2021-04', 'en')).toBe('April 2021');
    expect(formatMonth('2021-04', 'zh-CN')).toBe('2021年4月');
    expect(formatCameraTime('2021-04-11 20:43:09', 'en', 'short')).toBe('4/11/21, 8:43:09 PM');
    expect(formatCameraTime('not a time', 'en')).toBe('not a time');
    expect(formatCameraTime(null, 'en')).toBe('');
  });

  it('writes sizes and numbers with the decimal mark of the language', () => {
    expect(formatBytes(5_400_000, 'en')).toBe('5.4 MB');
    expect(formatBytes(5_400_000, 'fr')).toMatch(/^5,4\s?Mo$/);
    expect(formatBytes(999, 'en')).toBe('999 byte');
    expect(formatNumber(12345.678, 'id', 1)).toBe('12.345,7');
  });
});
