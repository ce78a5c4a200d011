import { describe, expect, it } from 'vitest';
import { percent } from '../../../../renderer/components/percent.ts';

describe('a confidence as people read it', () => {
  it('is a whole percentage in the language’s own format', () => {
    expect(percent(0.35, 'en')).toBe('35%');
    expect(percent(0.454, 'fr').replace(/\s/g, ' ')).toBe('45 %');
    expect(percent(0.05, 'zh-CN')).toBe('5%');
  });
});
