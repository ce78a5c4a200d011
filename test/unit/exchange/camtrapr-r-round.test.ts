import { describe, expect, it } from 'vitest';
import { roundLikeR } from '../../../electron/backend/exchange/camtrapr/r-round.ts';

describe("R's round(), as camtrapR's delta times come out", () => {
  it('rounds halves to even and decides near-halves as the doubles lie', () => {
    // Values R 4 gives for round(x, digits).
    const cases: [number, number, number][] = [
      [0.5, 0, 0],
      [1.5, 0, 2],
      [2.5, 0, 2],
      [-1.5, 0, -2],
      [0.15, 1, 0.1],
      [0.25, 1, 0.2],
      [0.35, 1, 0.3],
      [2.45, 1, 2.5],
      [21.8333, 1, 21.8],
      [1310.01667, 1, 1310],
      [0.0208, 1, 0],
      [39.98333, 1, 40],
      [0.66667, 1, 0.7],
    ];
    for (const [x, digits, expected] of cases) expect(roundLikeR(x, digits), `round(${x}, ${digits})`).toBe(expected);
  });
});
