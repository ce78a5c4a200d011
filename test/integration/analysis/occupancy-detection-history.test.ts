import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectionHistory, writeDetectionHistory } from '../../../electron/backend/analysis/activity/detection-history.ts';
import { eventTimes } from '../../../electron/backend/analysis/activity/event-times.ts';
import { naiveOccupancy } from '../../../electron/backend/analysis/activity/occupancy.ts';
import { vernacularNames } from '../../../electron/backend/analysis/activity/vernacular-names.ts';
import type { Library } from '../../../electron/backend/library/open-library.ts';
import { syntheticLibrary } from '../../support/synthetic-library.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const at = '2023-01-01T00:00:00Z';
const ms = (local: string) => Date.parse(`${local}Z`);

/**
 * Three stations: Pond (loc1) all year; Ridge from 1 to 10 May; Marsh from 20 to 30 June only.
 * Fox at Pond on 2 May and 12 May, at Ridge on 9 May; badger at Ridge on 3 May.
 */
function library(): Library {
  const lib = syntheticLibrary(0);
  const { db } = lib;
  db.prepare("INSERT INTO locations (location_id, name, latitude, longitude, created_at) VALUES ('loc2', 'Ridge', 50.8, 4.1, ?), ('loc3', 'Marsh', 50.6, 4.2, ?)").run(at, at);
  db.prepare(
    "INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, created_at) VALUES ('dep2', 'loc2', '2023-05-01T00:00:00+02:00', '2023-05-10T12:00:00+02:00', ?), ('dep3', 'loc3', '2023-06-20T00:00:00+02:00', '2023-06-30T00:00:00+02:00', ?)",
  ).run(at, at);
  const insert = db.prepare('INSERT INTO events (deployment_id, taxon, start_ms, end_ms, records, last_media_pk, seq) VALUES (?, ?, ?, ?, 1, 1, ?)');
  insert.run('dep1', 'species:Vulpes vulpes', ms('2023-05-02T22:00:00'), ms('2023-05-02T22:00:10'), 1);
  insert.run('dep1', 'species:Vulpes vulpes', ms('2023-05-12T04:00:00'), ms('2023-05-12T04:00:10'), 2);
  insert.run('dep2', 'species:Vulpes vulpes', ms('2023-05-09T23:30:00'), ms('2023-05-09T23:30:10'), 1);
  insert.run('dep2', 'species:Meles meles', ms('2023-05-03T01:00:00'), ms('2023-05-03T01:00:10'), 1);
  return lib;
}

describe('naïve occupancy and detection history on a small library', () => {
  it('gives the share of working stations where each species was seen', () => {
    const { db } = library();
    expect(naiveOccupancy(db, undefined, undefined)).toEqual({
      stations: 3,
      taxa: [
        { taxon: 'species:Vulpes vulpes', stations: 2, occupancy: 0.667 },
        { taxon: 'species:Meles meles', stations: 1, occupancy: 0.333 },
      ],
    });
    // In May, Marsh had no camera: two stations worked, and the fox was at both.
    expect(naiveOccupancy(db, '2023-05-01', '2023-05-31').taxa[0]).toEqual({ taxon: 'species:Vulpes vulpes', stations: 2, occupancy: 1 });
  });

  it('writes stations × occasions with NA where no camera worked, as camtrapR lays it out', () => {
    const { db } = library();
    const h = detectionHistory(db, 'species:Vulpes vulpes', 7, '2023-05-01', '2023-05-21');
    expect(h.firstDay).toBe('2023-05-01');
    expect(h.occasions).toBe(3);
    expect(h.rows).toEqual([
      // Ridge worked 1 to 10 May: occasions 1 (1–7 May) and 2 (8–14 May); the fox on 9 May.
      { station: 'Pond', history: [1, 1, 0] },
      { station: 'Ridge', history: [0, 1, null] },
    ]);
    const folder = tempDir('camtrap-history-');
    const written = writeDetectionHistory(db, folder, 'species:Vulpes vulpes', 7, '2023-05-01', '2023-05-21');
    expect(written).toEqual({ file: path.join(folder, 'detection-history_Vulpes_vulpes_7-day.csv'), stations: 2, occasions: 3 });
    expect(fs.readFileSync(written.file, 'utf8')).toBe('Station,o1,o2,o3\nPond,1,1,0\nRidge,0,1,NA\n');
    expect(fs.readdirSync(folder)).toEqual(['detection-history_Vulpes_vulpes_7-day.csv']);
    expect(() => writeDetectionHistory(db, path.join(folder, 'gone'), 'species:Vulpes vulpes', 7, undefined, undefined)).toThrow(/folder/);
  });

  it('gives event times in clock and sun time, and common names in the chosen language', () => {
    const { db } = library();
    const clock = eventTimes(db, { taxon: 'species:Meles meles', timeScale: 'clock' });
    expect(clock).toHaveLength(1);
    expect(clock[0]).toBeCloseTo((1 / 24) * 2 * Math.PI, 12);
    // 1 a.m. in Belgium on 3 May (CEST): sunset about 21:05, sunrise about 06:20, so 3.9 of the
    // night's 9.3 hours have passed: 3π/2 + 3.9/9.3 × π ≈ 6.04, shortly before sun-time midnight.
    const [sun] = eventTimes(db, { taxon: 'species:Meles meles', timeScale: 'sun' });
    expect(sun).toBeGreaterThan((3 * Math.PI) / 2);
    expect(sun).toBeCloseTo(6.04, 1);
    const names = vernacularNames(db, ['species:Vulpes vulpes', 'class:animal'], 'en');
    expect(names['class:animal']).toBeNull();
    expect(typeof names['species:Vulpes vulpes'] === 'string' || names['species:Vulpes vulpes'] === null).toBe(true);
  });
});
