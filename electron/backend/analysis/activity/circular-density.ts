import { scaledBesselI } from './bessel.ts';
import { brentRoot } from './root.ts';

/** Times of day as angles: 0 and 2π are midnight, as the R package overlap takes them. */
export function dayFractionToRadians(fraction: number): number {
  return (((fraction % 1) + 1) % 1) * 2 * Math.PI;
}

/** n points from 0 to 2π, both ends included: R's seq(0, 2*pi, length = n). */
export function circleGrid(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (2 * Math.PI * i) / (n - 1));
}

/**
 * Von Mises kernel density of the sample x (radians) at each grid point, with concentration bw:
 * overlap::densityFit (its C function densRad). Repeated values are summed once with their count,
 * which makes a bootstrap resample drawn from a grid cheap to fit.
 */
export function densityFit(x: readonly number[], grid: readonly number[], bw: number): number[] {
  const counts = new Map<number, number>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
  const values = [...counts.keys()];
  const weights = [...counts.values()];
  const cons = 2 * Math.PI * (scaledBesselI([0], bw)[0] ?? Number.NaN) * x.length;
  return grid.map((g) => {
    let sum = 0;
    for (let j = 0; j < values.length; j += 1) sum += (weights[j] ?? 0) * Math.exp(bw * (Math.cos(g - (values[j] ?? 0)) - 1));
    return sum / cons;
  });
}

/** The p-th trigonometric moment's length about the circular mean (overlap's TrigMomRad). */
function trigMoment(x: readonly number[], p: number): number {
  let s = 0;
  let c = 0;
  for (const v of x) {
    s += Math.sin(v);
    c += Math.cos(v);
  }
  const mean = Math.atan2(s, c);
  let sp = 0;
  let cp = 0;
  for (const v of x) {
    sp += Math.sin(p * (v - mean));
    cp += Math.cos(p * (v - mean));
  }
  return Math.hypot(sp / x.length, cp / x.length);
}

/**
 * The kernel's concentration by Ridout and Linkie (2009), as overlap::getBandWidth: κ of a von
 * Mises fitted to the data by its first kmax trigonometric moments (the largest estimate), then
 * bw = (3nκ²I₂(2κ) / (4√π I₀(κ)²))^(2/5). Null where no moment gives a root (as R's NA).
 */
export function getBandWidth(x: readonly number[], kmax = 3): number | null {
  let kappa = 0;
  for (let k = 1; k <= kmax; k += 1) {
    const moment = trigMoment(x, k);
    const aFun = (kap: number): number => {
      const [ik, i0] = scaledBesselI([k, 0], kap);
      return (ik ?? Number.NaN) / (i0 ?? Number.NaN) - moment;
    };
    // The package's search interval: its upper limit was lowered from 500 to 345 in 0.3.1.
    if (aFun(0.0001) * aFun(345) <= 0) kappa = Math.max(kappa, brentRoot(aFun, 0.0001, 345));
  }
  if (!(kappa > 0)) return null;
  const [i2 = Number.NaN] = scaledBesselI([2], 2 * kappa);
  const [i0 = Number.NaN] = scaledBesselI([0], kappa);
  return ((3 * x.length * kappa ** 2 * i2) / (4 * Math.sqrt(Math.PI) * i0 ** 2)) ** (2 / 5);
}
