import type { CsvValue } from './csv-file.ts';
import { byStation, stations } from './stations.ts';
import type { Db } from '../../library/db.ts';
import { activeByLocation } from '../../analysis/effort/effort-report.ts';
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
  const byLocation = new Map<string, Span[]>();
  for (const [locationID, active] of activeByLocation(db)) {
    const spans = active.map((s) => ({ start: Math.max(s.fromMs, fromMs), end: Math.min(s.toMs, toMs) })).filter((s) => s.end > s.start);
    if (spans.length > 0) byLocation.set(locationID, spans);
  }
  const named = stations(db);
  const table = [...byLocation.entries()]
    .map(([locationID, spans]) => {
      const s = named.get(locationID) ?? { locationID, station: locationID, latitude: Number.NaN, longitude: Number.NaN };
      return { ...s, spans: union(spans) };
    })
    .sort(byStation);
  const problems = Math.max(0, ...table.map((t) => t.spans.length - 1));
  const problemColumns = Array.from({ length: problems }, (_, i) => [`Problem${i + 1}_from`, `Problem${i + 1}_to`]).flat();
  const rows = table.map((t) => {
    const first = t.spans[0] as Span;
    const last = t.spans[t.spans.length - 1] as Span;
    const gaps: CsvValue[] = [];
    for (let i = 1; i < t.spans.length; i += 1) gaps.push(seconds((t.spans[i - 1] as Span).end), seconds((t.spans[i] as Span).start));
    while (gaps.length < problemColumns.length) gaps.push(null);
    return [t.station, seconds(first.start), seconds(last.end), ...gaps, t.locationID, t.latitude, t.longitude];
  });
  return { columns: ['Station', 'Setup_date', 'Retrieval_date', ...problemColumns, 'locationID', 'latitude', 'longitude'], rows };
}
