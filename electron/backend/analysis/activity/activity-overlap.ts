import { basic0Interval, bootstrapOverlap } from './bootstrap.ts';
import { type DielCurve, dielCurve } from './diel-curve.ts';
import { chooseEstimator, type Estimator, overlapEst } from './overlap.ts';

export interface ActivityOverlap {
  a: DielCurve;
  b: DielCurve;
  /** Δ1 when the smaller sample has fewer than 50 records, Δ4 otherwise (Ridout and Linkie 2009). */
  estimator: Estimator;
  /** Null when either species has too few or too evenly spread records for a bandwidth. */
  estimate: number | null;
  /** 95% smoothed-bootstrap interval, overlap::bootCI "basic0", kept within 0 to 1. */
  interval: { lower: number; upper: number; bootstraps: number; method: 'basic0'; level: 0.95 } | null;
}

/** How much two species' daily activity overlaps, with the estimator the sample sizes call for. */
export function activityOverlap(a: readonly number[], b: readonly number[], bootstraps: number): ActivityOverlap {
  const estimator = chooseEstimator(a.length, b.length);
  const enough = a.length >= 2 && b.length >= 2;
  const estimate = enough ? overlapEst(a, b, estimator) : null;
  const samples = estimate === null ? [] : bootstrapOverlap(a, b, bootstraps, estimator);
  const ci = estimate === null ? null : basic0Interval(estimate, samples);
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  return {
    a: dielCurve(a),
    b: dielCurve(b),
    estimator,
    estimate,
    interval: ci ? { lower: clamp(ci[0]), upper: clamp(ci[1]), bootstraps: samples.length, method: 'basic0', level: 0.95 } : null,
  };
}
