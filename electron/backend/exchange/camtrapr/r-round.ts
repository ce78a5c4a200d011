/**
 * R's round() since R 4.0: of the two numbers with that many decimals either side of x, the one
 * closer to x as doubles are; on a tie, the one whose last digit is even. round(0.15, 1) is 0.1
 * and round(2.5) is 2, as camtrapR's delta times come out in R.
 */
export function roundLikeR(x: number, digits: number): number {
  const p = 10 ** digits;
  const lo = Math.floor(x * p) / p;
  const hi = Math.ceil(x * p) / p;
  if (lo === hi) return lo;
  const below = x - lo;
  const above = hi - x;
  if (below < above) return lo;
  if (above < below) return hi;
  return Math.round(lo * p) % 2 === 0 ? lo : hi;
}
