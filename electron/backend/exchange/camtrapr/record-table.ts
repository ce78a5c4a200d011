import path from 'node:path';
import type { CsvValue } from './csv-file.ts';
import { roundLikeR } from './r-round.ts';
import { stations } from './stations.ts';
import type { Db } from '../../library/db.ts';
import { localTimeToMs, msToLocalTime } from '../../library/local-time.ts';
import { countedPrediction, machineSpecies } from '../../library/machine-species.ts';

export const recordColumns = [
  'Station',
  'Species',
  'DateTimeOriginal',
  'Date',
  'Time',
  'delta.time.secs',
  'delta.time.mins',
  'delta.time.hours',
  'delta.time.days',
  'Directory',
  'FileName',
  'n_images',
] as const;

export interface RecordOptions {
  /** camtrapR's minDeltaTime: records of a species at a station closer than this to the one compared with are left out. */
  minDeltaMinutes: number;
  /** camtrapR's deltaTimeComparedTo. */
  comparedTo: 'lastRecord' | 'lastIndependentRecord';
  /** Also the detector's classes (animal, person, vehicle at the run's threshold) on pictures nobody has named a species on. */
  withDetections: boolean;
  /** Days (YYYY-MM-DD) of camera time; open ends take everything. */
  from?: string;
  to?: string;
}

interface Rec {
  species: string;
  t: number;
  filePath: string;
  locationID: string;
}

// The same records the library's independent events are made of (independent-events.ts): a
// person's species on a picture or a box, not marked false, on a picture nobody marked empty;
// and, while the library counts the machine's species, the classifier's where nobody labelled.
const notEmpty = `NOT EXISTS (SELECT 1 FROM observations b WHERE b.media_pk = m.media_pk AND b.detection_id IS NULL AND b.observation_type = 'blank' AND b.superseded_by IS NULL)`;
const speciesRecords = `
  SELECT DISTINCT o.scientific_name AS species, m.timestamp_ms AS t, m.file_path AS filePath, d.location_id AS locationID
  FROM media m JOIN observations o ON o.media_pk = m.media_pk JOIN deployments d ON d.deployment_id = m.deployment_id
  WHERE o.superseded_by IS NULL AND o.scientific_name IS NOT NULL AND o.false_detection = 0 AND ${notEmpty}
    AND m.timestamp_ms BETWEEN @fromMs AND @toMs`;
const machineRecords = `
  SELECT DISTINCT c.scientific_name AS species, m.timestamp_ms AS t, m.file_path AS filePath, d.location_id AS locationID
  FROM media m JOIN classifications c ON c.media_pk = m.media_pk JOIN deployments d ON d.deployment_id = m.deployment_id
  WHERE ${countedPrediction} AND m.timestamp_ms BETWEEN @fromMs AND @toMs`;
const classRecords = (machine: boolean) => `
  SELECT DISTINCT x.category AS species, m.timestamp_ms AS t, m.file_path AS filePath, d.location_id AS locationID
  FROM media m JOIN detections x ON x.media_pk = m.media_pk JOIN detection_runs r ON r.run_id = x.run_id JOIN deployments d ON d.deployment_id = m.deployment_id
  WHERE x.conf >= r.default_threshold AND ${notEmpty}
    AND NOT EXISTS (SELECT 1 FROM observations s WHERE s.media_pk = m.media_pk AND s.superseded_by IS NULL AND s.scientific_name IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM observations f WHERE f.detection_id = x.detection_id AND f.false_detection = 1 AND f.superseded_by IS NULL)
    ${machine ? `AND NOT EXISTS (SELECT 1 FROM classifications c WHERE c.media_pk = m.media_pk AND ${countedPrediction})` : ''}
    AND m.timestamp_ms BETWEEN @fromMs AND @toMs`;

interface Kept extends Rec {
  /** The time to the whole second (milliseconds), as camtrapR reads it from the picture. */
  second: number;
  station: string;
  deltaMs: number;
  images: number;
}

/**
 * Which records of one species at one station are independent, as camtrapR's
 * assessTemporalIndependence decides (camtrapR 3.0): sorted by time, the first is; every other
 * is when at least minDeltaTime minutes lie between it and the last record before it (or the
 * last independent one), its delta time. n_images counts the records up to the next independent one.
 */
function independent(group: Kept[], minDeltaMs: number, comparedTo: RecordOptions['comparedTo']): Kept[] {
  const out: Kept[] = [];
  let previous: number | null = null;
  for (const r of group) {
    const last = out[out.length - 1];
    const reference = comparedTo === 'lastRecord' ? previous : (last?.second ?? null);
    const delta = reference === null ? 0 : r.second - reference;
    previous = r.second;
    if (reference === null || delta >= minDeltaMs) out.push({ ...r, deltaMs: delta, images: 1 });
    else if (last) last.images += 1;
  }
  return out;
}

/**
 * camtrapR's record table from the library: one row per independent record of a species at a
 * station, times in camera time after the clock offset, Directory and FileName where the picture
 * is in the library. Records of a species at a station in the same second count once, as
 * camtrapR's removeDuplicateRecords does. Species are counted as the map counts them: people's
 * labels, and the machine's where nobody labelled while the library counts those.
 */
export function recordTable(db: Db, libraryRoot: string, options: RecordOptions): CsvValue[][] {
  const machine = machineSpecies(db);
  const params = {
    fromMs: options.from ? localTimeToMs(`${options.from} 00:00:00`) : Number.MIN_SAFE_INTEGER,
    toMs: options.to ? localTimeToMs(`${options.to} 23:59:59.999`) : Number.MAX_SAFE_INTEGER,
    ...(machine.include ? { machineThreshold: machine.threshold } : {}),
  };
  const species = machine.include ? `${speciesRecords} UNION ${machineRecords}` : speciesRecords;
  const sql = options.withDetections ? `${species} UNION ${classRecords(machine.include)}` : species;
  const rows = db.prepare(sql).all(params) as Rec[];
  const named = stations(db);
  const groups = new Map<string, Kept[]>();
  for (const r of rows) {
    const station = named.get(r.locationID)?.station ?? r.locationID;
    const key = `${station}\u0000${r.species}`;
    const list = groups.get(key) ?? [];
    list.push({ ...r, station, second: Math.floor(r.t / 1000) * 1000, deltaMs: 0, images: 1 });
    groups.set(key, list);
  }
  const kept: Kept[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.second - b.second || (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    const unique = list.filter((r, i) => i === 0 || r.second !== list[i - 1]?.second);
    kept.push(...independent(unique, options.minDeltaMinutes * 60_000, options.comparedTo));
  }
  const order = (a: Kept, b: Kept) => (a.station < b.station ? -1 : a.station > b.station ? 1 : a.species < b.species ? -1 : a.species > b.species ? 1 : a.second - b.second);
  return kept.sort(order).map((r) => {
    const when = msToLocalTime(r.second);
    const secs = Math.round(r.deltaMs / 1000);
    const mins = roundLikeR(secs / 60, 1);
    const hours = roundLikeR(mins / 60, 1);
    const parts = r.filePath.split('/');
    const fileName = parts.pop() ?? r.filePath;
    return [r.station, r.species, when, when.slice(0, 10), when.slice(11, 19), secs, mins, hours, roundLikeR(hours / 24, 1), path.join(libraryRoot, ...parts), fileName, r.images];
  });
}
