import { wallClockMs } from '../library/local-time.ts';

const dayMs = 86_400_000;

export interface Range {
  fromMs: number;
  toMs: number;
}

/** A date range as wall-clock milliseconds; open ends reach as far as there is data. */
export function range(from: string | undefined, to: string | undefined): Range {
  return {
    fromMs: from ? Date.parse(`${from}T00:00:00Z`) : Number.MIN_SAFE_INTEGER,
    toMs: to ? Date.parse(`${to}T23:59:59.999Z`) : Number.MAX_SAFE_INTEGER,
  };
}

/** Trap nights: the part of a deployment's time inside the range, in days (camera clock time). */
export function trapNights(deploymentStart: string, deploymentEnd: string, r: Range): number {
  const start = Math.max(wallClockMs(deploymentStart), r.fromMs);
  const end = Math.min(wallClockMs(deploymentEnd), r.toMs);
  return end > start ? (end - start) / dayMs : 0;
}
