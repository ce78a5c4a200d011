/**
 * Modified Bessel functions of the first kind, exponentially scaled: I_n(x)·e^(-x), as R's
 * besselI(x, n, expon.scaled = TRUE). Scaling keeps the ratios the bandwidth needs finite for
 * concentrations up to 345 (I_n(690) alone is near the largest double).
 *
 * I_n(x) = (1/2π) ∫ e^(x cos θ) cos(nθ) dθ over a full period; the trapezoid rule on a periodic
 * analytic integrand converges geometrically, and its error with M points is of the order of
 * I_M(x)/I_0(x) ≈ e^(-M²/2x): M = 32 + 10√x keeps it far below double precision.
 */
export function scaledBesselI(orders: readonly number[], x: number): number[] {
  const m = Math.ceil(32 + 10 * Math.sqrt(Math.abs(x)));
  const sums = orders.map(() => 0);
  for (let j = 0; j < m; j += 1) {
    const theta = (2 * Math.PI * j) / m;
    const e = Math.exp(x * (Math.cos(theta) - 1));
    for (let k = 0; k < orders.length; k += 1) sums[k] = (sums[k] ?? 0) + e * Math.cos((orders[k] ?? 0) * theta);
  }
  return sums.map((s) => s / m);
}
