import { circleGrid, densityFit, getBandWidth } from './circular-density.ts';
import { defaultAdjust, type Estimator, overlapEst } from './overlap.ts';

/** A small seeded generator (mulberry32): the same seed gives the same interval, run after run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sampler of grid points with probability proportional to their density. */
function gridSampler(x: readonly number[], random: () => number): ((n: number) => number[]) | null {
  const bw = getBandWidth(x);
  if (bw === null) return null;
  // As overlap::bootstrap: 512 points, the first dropped (it is midnight, as the last).
  const points = circleGrid(512).slice(1);
  const density = densityFit(x, points, bw);
  const cumulative: number[] = [];
  let total = 0;
  for (const d of density) cumulative.push((total += d));
  return (n) =>
    Array.from({ length: n }, () => {
      const u = random() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      return points[lo]!;
    });
}

/**
 * Smoothed bootstrap estimates of overlap, as overlap::bootstrap(A, B, nb, smooth = TRUE): each
 * sample is redrawn, at its own size, from its fitted kernel density, and the overlap estimated
 * again. Seeded, so the interval a user sees does not change between two looks.
 */
export function bootstrapOverlap(a: readonly number[], b: readonly number[], nb: number, type: Estimator, seed = 1): number[] {
  const random = seededRandom(seed);
  const drawA = gridSampler(a, random);
  const drawB = gridSampler(b, random);
  if (!drawA || !drawB) return [];
  const out: number[] = [];
  for (let i = 0; i < nb; i += 1) {
    const estimate = overlapEst(drawA(a.length), drawB(b.length), type, defaultAdjust[type]);
    if (estimate !== null && Number.isFinite(estimate)) out.push(estimate);
  }
  return out;
}

/** The standard normal quantile (Acklam's rational approximation: relative error below 1.2e-9). */
export function qnorm(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/** Normally interpolated percentile limits, as overlap's quantileInter (boot's norm.inter); null when too few estimates. */
export function percentileInterval(bt: readonly number[], conf: number): [number, number] | null {
  const n = bt.length;
  const alpha = [(1 - conf) / 2, (1 + conf) / 2];
  const rk = alpha.map((al) => (n + 1) * al);
  if (!rk.every((r) => r > 1 && r < n)) return null;
  const sorted = [...bt].sort((x, y) => x - y);
  const k = rk.map(Math.trunc);
  const limits = rk.map((r, i) => {
    const ki = k[i]!;
    const lo = sorted[ki - 1]!;
    if (r === ki) return lo;
    const hi = sorted[ki]!;
    const wanted = qnorm(alpha[i]!);
    const tooLo = qnorm(ki / (n + 1));
    const tooHi = qnorm((ki + 1) / (n + 1));
    return lo + ((wanted - tooLo) / (tooHi - tooLo)) * (hi - lo);
  });
  return [limits[0]!, limits[1]!];
}

/**
 * The "basic0" interval of overlap::bootCI: percentile limits moved by the bootstrap's bias
 * (mean of the estimates minus the point estimate). Meredith and Ridout recommend it with the
 * smoothed bootstrap, whose resamples are smoother than the data and so overlap more.
 */
export function basic0Interval(t0: number, bt: readonly number[], conf = 0.95): [number, number] | null {
  const finite = bt.filter(Number.isFinite);
  const perc = percentileInterval(finite, conf);
  if (!perc) return null;
  const bias = finite.reduce((s, v) => s + v, 0) / finite.length - t0;
  return [perc[0] - bias, perc[1] - bias];
}
