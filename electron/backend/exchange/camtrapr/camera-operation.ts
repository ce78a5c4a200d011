import type { CsvValue } from './csv-file.ts';
import { byStation, stations } from './stations.ts';
import { stationTimes } from '../../analysis/effort/effort-report.ts';
import type { Db } from '../../library/db.ts';
import { localTimeToMs, msToLocalTime } from '../../library/local-time.ts';

interface Span {
  start: number;
  end: number;
}

/** The times at least one camera of a station was working, overlapping and touching stretches joined. */
function union(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

const seconds = (ms: number) => msToLocalTime(Math.floor(ms / 1000) * 1000);

export interface CameraOperation {
  columns: string[];
  rows: CsvValue[][];
}

/**
 * camtrapR's camera trap table for cameraOperation(): one row per station, set up when its first
 * deployment started and retrieved when its last ended, the gaps between its deployments and its
 * cameras' problem periods as ProblemN_from/ProblemN_to, as camtrapR's own readcamtrapDP builds
 * it. Times are camera time with seconds, so cameraOperation(dateFormat = "ymd HMS") counts part
 * days as they were, and a deployment entered by dates gives the half setup and retrieval days
 * and whole problem days the library counted.
 */
export function cameraOperation(db: Db, range: { from?: string; to?: string }): CameraOperation {
  const fromMs = range.from ? localTimeToMs(`${range.from} 00:00:00`) : Number.MIN_SAFE_INTEGER;
  const toMs = range.to ? localTimeToMs(`${range.to} 23:59:59`) : Number.MAX_SAFE_INTEGER;
  const clip = (start: number, end: number): Span => ({ start: Math.max(start, fromMs), end: Math.min(end, toMs) });
  const named = stations(db);
  const table = [...stationTimes(db).entries()]
    .flatMap(([locationID, deployments]) => {
      const out = deployments.map((d) => clip(d.setupMs, d.retrievalMs)).filter((s) => s.end > s.start);
      if (out.length === 0) return [];
      const working = union(deployments.flatMap((d) => d.active.map((a) => clip(a.fromMs, a.toMs))).filter((s) => s.end > s.start));
      const setup = Math.min(...out.map((s) => s.start));
      const retrieval = Math.max(...out.map((s) => s.end));
      // Whatever between setup and retrieval no camera worked: gaps between deployments, and problem periods.
      const gaps: Span[] = [];
      let at = setup;
      for (const w of working) {
        if (w.start > at) gaps.push({ start: at, end: w.start });
        at = Math.max(at, w.end);
      }
      if (retrieval > at) gaps.push({ start: at, end: retrieval });
      const s = named.get(locationID) ?? { locationID, station: locationID, latitude: Number.NaN, longitude: Number.NaN };
      return [{ ...s, setup, retrieval, gaps }];
    })
    .sort(byStation);
  const problems = Math.max(0, ...table.map((t) => t.gaps.length));
  const problemColumns = Array.from({ length: problems }, (_, i) => [`Problem${i + 1}_from`, `Problem${i + 1}_to`]).flat();
  const rows = table.map((t) => {
    const gaps: CsvValue[] = t.gaps.flatMap((g) => [seconds(g.start), seconds(g.end)]);
    while (gaps.length < problemColumns.length) gaps.push(null);
    return [t.station, seconds(t.setup), seconds(t.retrieval), ...gaps, t.locationID, t.latitude, t.longitude];
  });
  return { columns: ['Station', 'Setup_date', 'Retrieval_date', ...problemColumns, 'locationID', 'latitude', 'longitude'], rows };
}
