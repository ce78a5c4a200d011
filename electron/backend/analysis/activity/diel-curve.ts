import { circleGrid, densityFit, getBandWidth } from './circular-density.ts';

export interface DielCurve {
  /** Independent events behind the curve. */
  records: number;
  /** The von Mises kernel's concentration (overlap::getBandWidth, adjust 1 as densityPlot); null with too few or too even times. */
  bandwidth: number | null;
  /** Hours 0 to 24 and the density at each, per hour (the curve's area over the day is 1). */
  hours: number[];
  density: number[];
}

/** Fewer records give a curve that says more about the kernel than about the animal. */
export const minimumRecords = 2;

/** The diel activity curve of times in radians, as overlap::densityPlot draws it (128 points, adjust 1). */
export function dielCurve(times: readonly number[], points = 128): DielCurve {
  const grid = circleGrid(points);
  const hours = grid.map((x) => (x / (2 * Math.PI)) * 24);
  const bandwidth = times.length >= minimumRecords ? getBandWidth(times) : null;
  const density = bandwidth === null ? [] : densityFit(times, grid, bandwidth).map((d) => (d * 2 * Math.PI) / 24);
  return { records: times.length, bandwidth, hours: bandwidth === null ? [] : hours, density };
}
