import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../library/db.ts';
import { StationError } from '../../rpc/envelope.ts';
import { range } from '../effort/date-range.ts';
import { activeByDeployment } from '../effort/effort-report.ts';

const dayMs = 86_400_000;

export interface DetectionHistory {
  /** The first day of the first occasion; every station's occasions start there (camtrapR's day1 = "survey"). */
  firstDay: string;
  occasionDays: number;
  occasions: number;
  /** Per station: 1 detected, 0 camera working and not detected, null camera not working the whole occasion. */
  rows: { station: string; history: (0 | 1 | null)[] }[];
}

/**
 * Stations × occasions of N days for occupancy models, as camtrapR::detectionHistory: an occasion
 * counts for a station when one of its cameras worked during part of it (NA when none did, for
 * instance through a whole camera problem period).
 */
export function detectionHistory(db: Db, taxon: string, occasionDays: number, from: string | undefined, to: string | undefined): DetectionHistory {
  const r = range(from, to);
  // Each stretch a camera worked (problem periods left out) counts as camtrapR's camera operation matrix does.
  const active = activeByDeployment(db);
  const deployments = (
    db.prepare('SELECT d.deployment_id AS id, d.location_id AS locationID, l.name AS name FROM deployments d JOIN locations l ON l.location_id = d.location_id').all() as {
      id: string;
      locationID: string;
      name: string;
    }[]
  )
    .flatMap((d) => (active.get(d.id) ?? []).map((s) => ({ ...d, startMs: Math.max(s.fromMs, r.fromMs), endMs: Math.min(s.toMs, r.toMs) })))
    .filter((d) => d.endMs > d.startMs);
  if (deployments.length === 0) return { firstDay: from ?? '', occasionDays, occasions: 0, rows: [] };
  const firstMs = Math.floor(Math.min(...deployments.map((d) => d.startMs)) / dayMs) * dayMs;
  const lastMs = Math.max(...deployments.map((d) => d.endMs));
  const span = occasionDays * dayMs;
  const occasions = Math.ceil((lastMs - firstMs) / span);
  const stations = new Map<string, { station: string; history: (0 | 1 | null)[] }>();
  for (const d of deployments) {
    const row = stations.get(d.locationID) ?? { station: d.name, history: Array.from({ length: occasions }, () => null) };
    for (let o = Math.floor((d.startMs - firstMs) / span); o * span + firstMs < d.endMs && o < occasions; o += 1) row.history[o] ??= 0;
    stations.set(d.locationID, row);
  }
  const events = db
    .prepare(
      `SELECT d.location_id AS locationID, e.start_ms AS ms FROM events e JOIN deployments d ON d.deployment_id = e.deployment_id
       WHERE e.taxon = @taxon AND e.start_ms BETWEEN @fromMs AND @toMs`,
    )
    .all({ taxon, fromMs: Math.max(firstMs, r.fromMs), toMs: r.toMs }) as { locationID: string; ms: number }[];
  for (const e of events) {
    const o = Math.floor((e.ms - firstMs) / span);
    const row = stations.get(e.locationID);
    if (row && o >= 0 && o < occasions) row.history[o] = 1;
  }
  const rows = [...stations.values()].sort((a, b) => a.station.localeCompare(b.station));
  return { firstDay: new Date(firstMs).toISOString().slice(0, 10), occasionDays, occasions, rows };
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** camtrapR's layout: a Station column, then o1 … oN, NA where the camera did not work. */
export function detectionHistoryCsv(h: DetectionHistory): string {
  const header = ['Station', ...Array.from({ length: h.occasions }, (_, i) => `o${i + 1}`)];
  const lines = h.rows.map((row) => [csvField(row.station), ...row.history.map((v) => (v === null ? 'NA' : String(v)))].join(','));
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** Written to a temporary name and renamed: a reader never sees half a file. */
export function writeDetectionHistory(db: Db, folder: string, taxon: string, occasionDays: number, from: string | undefined, to: string | undefined): { file: string; stations: number; occasions: number } {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new StationError('not-found', 'folder-gone', { path: dir });
  const h = detectionHistory(db, taxon, occasionDays, from, to);
  const name = taxon.replace(/^species:|^class:/, '').replace(/[^A-Za-z0-9-]+/g, '_');
  const target = path.join(dir, `detection-history_${name}_${occasionDays}-day.csv`);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, detectionHistoryCsv(h));
  fs.renameSync(tmp, target);
  return { file: target, stations: h.rows.length, occasions: h.occasions };
}
