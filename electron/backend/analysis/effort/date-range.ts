import type { ActiveSpan } from './camtrapr-effort.ts';

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

/** Trap nights: the time a camera was working inside the range, in days (camera clock time). */
export function nightsIn(active: readonly ActiveSpan[], r: Range): number {
  return active.reduce((sum, s) => {
    const start = Math.max(s.fromMs, r.fromMs);
    const end = Math.min(s.toMs, r.toMs);
    return end > start ? sum + (end - start) / dayMs : sum;
  }, 0);
}

/** Whether the camera was working at some time inside the range. */
export function workedIn(active: readonly ActiveSpan[], r: Range): boolean {
  return active.some((s) => Math.min(s.toMs, r.toMs) > Math.max(s.fromMs, r.fromMs));
}
