import { circleGrid, densityFit, getBandWidth } from './circular-density.ts';

export type Estimator = 'Dhat1' | 'Dhat4';

/** The smoothing adjustments overlap::overlapEst uses by default: 0.8 for Δ1, 1 for Δ4. */
export const defaultAdjust: Record<Estimator, number> = { Dhat1: 0.8, Dhat4: 1 };

/** Ridout and Linkie (2009): Δ1 when the smaller sample has fewer than 50 records, else Δ4. */
export function chooseEstimator(nA: number, nB: number): Estimator {
  return Math.min(nA, nB) < 50 ? 'Dhat1' : 'Dhat4';
}

/** Linear interpolation of (xs, ys) at x, xs increasing: R's approx(). */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const step = (xs[xs.length - 1]! - xs[0]!) / (xs.length - 1);
  const i = Math.min(xs.length - 2, Math.max(0, Math.floor((x - xs[0]!) / step)));
  const t = (x - xs[i]!) / (xs[i + 1]! - xs[i]!);
  return ys[i]! + t * (ys[i + 1]! - ys[i]!);
}

/**
 * The coefficient of overlapping of two samples of times (radians), as overlap::overlapEst
 * with type "Dhat1" or "Dhat4" (n.grid 128, kmax 3). Null where a bandwidth cannot be found.
 */
export function overlapEst(a: readonly number[], b: readonly number[], type: Estimator, adjust = defaultAdjust[type], nGrid = 128): number | null {
  const bwA = getBandWidth(a);
  const bwB = getBandWidth(b);
  if (bwA === null || bwB === null) return null;
  const grid = circleGrid(nGrid);
  if (type === 'Dhat1') {
    // The first and last grid points are both midnight: the first is dropped.
    const dA = densityFit(a, grid, bwA / adjust).slice(1);
    const dB = densityFit(b, grid, bwB / adjust).slice(1);
    const sA = dA.reduce((s, v) => s + v, 0);
    const sB = dB.reduce((s, v) => s + v, 0);
    return dA.reduce((s, v, i) => s + Math.min(v / sA, dB[i]! / sB), 0);
  }
  const all = [...a, ...b];
  let dAx: number[];
  let dBx: number[];
  if (all.length > nGrid * 1.1) {
    const dA = densityFit(a, grid, bwA / adjust);
    const dB = densityFit(b, grid, bwB / adjust);
    dAx = all.map((x) => interpolate(grid, dA, x));
    dBx = all.map((x) => interpolate(grid, dB, x));
  } else {
    dAx = densityFit(a, all, bwA / adjust);
    dBx = densityFit(b, all, bwB / adjust);
  }
  const n1 = a.length;
  let sumA = 0;
  for (let i = 0; i < n1; i += 1) sumA += Math.min(1, dBx[i]! / dAx[i]!);
  let sumB = 0;
  for (let i = n1; i < all.length; i += 1) sumB += Math.min(1, dAx[i]! / dBx[i]!);
  return (sumA / n1 + sumB / b.length) / 2;
}
