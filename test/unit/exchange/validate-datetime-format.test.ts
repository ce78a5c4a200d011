import { describe, expect, it } from 'vitest';
import { matchesDateFormat } from '../../../electron/backend/exchange/camtrap-dp/validate/datetime-format.ts';

const camtrap = '%Y-%m-%dT%H:%M:%S%z';

describe('dates and times as Frictionless reads them', () => {
  it('takes a Camtrap DP time with an offset or Z, and nothing looser', () => {
    for (const ok of ['2021-04-11T20:43:09+01:00', '2021-04-11T20:43:09Z', '2021-04-11T20:43:09-0330', '2020-02-29T23:59:59+14:00']) expect(matchesDateFormat(ok, camtrap), ok).toBe(true);
    for (const bad of ['2021-04-11T20:43:09.123+01:00', '2021-04-11T20:43:09', '2021-04-11 20:43:09+01:00', '2021-02-29T10:00:00Z', '2021-04-11T24:00:00Z', '2021-4-11T20:43:09Z', '2021-04-11T20:43:09+15:00', '']) {
      expect(matchesDateFormat(bad, camtrap), bad).toBe(false);
    }
  });

  it('reads the default date format and "any"', () => {
    expect(matchesDateFormat('2021-04-18', '%Y-%m-%d')).toBe(true);
    expect(matchesDateFormat('2021-04-31', '%Y-%m-%d')).toBe(false);
    expect(matchesDateFormat('April 18, 2021', 'any')).toBe(true);
    expect(matchesDateFormat('soon', 'any')).toBe(false);
  });
});
