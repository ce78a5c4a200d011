import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryWithMedia, type PlannedMedia, type PlannedStation } from './results-library.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const stations: PlannedStation[] = [
  { locationID: 'loc1', name: 'Pond, "north" bank', latitude: 50.7, longitude: 4.0, deployments: [{ deploymentID: 'dep1', start: '2023-01-01T00:00:00+01:00', end: '2023-12-31T00:00:00+01:00' }] },
  {
    locationID: 'loc2',
    name: 'Ridge',
    latitude: 50.8,
    longitude: 4.1,
    deployments: [
      { deploymentID: 'dep2', start: '2023-01-01T00:00:00+01:00', end: '2023-03-01T00:00:00+01:00' },
      { deploymentID: 'dep3', start: '2023-03-05T12:00:00+01:00', end: '2023-06-01T00:00:00+02:00' },
    ],
  },
];

/** Foxes at the pond whose gaps sit either side of 30 minutes, a badger between them, a fox at the ridge. */
const media: (PlannedMedia & { species: string })[] = [
  { deploymentID: 'dep1', path: 'DCIM/IMG_0001.JPG', time: '2023-05-01 10:00:00', species: 'Vulpes vulpes' },
  { deploymentID: 'dep1', path: 'DCIM/IMG_0002.JPG', time: '2023-05-01 10:05:00', species: 'Meles meles' },
  { deploymentID: 'dep1', path: 'DCIM/IMG_0003.JPG', time: '2023-05-01 10:10:00', species: 'Vulpes vulpes' },
  // A burst: two pictures in the same second are one record, as camtrapR's removeDuplicateRecords makes them.
  { deploymentID: 'dep1', path: 'DCIM/IMG_0004.JPG', time: '2023-05-01 10:10:00', species: 'Vulpes vulpes' },
  // 29 min 59 s after the last record, 39 min 59 s after the first.
  { deploymentID: 'dep1', path: 'DCIM/IMG_0005.JPG', time: '2023-05-01 10:39:59', species: 'Vulpes vulpes' },
  // Exactly 30 minutes after the last: camtrapR counts it as a new record (delta >= minDeltaTime).
  { deploymentID: 'dep1', path: 'DCIM/IMG_0006.JPG', time: '2023-05-01 11:09:59', species: 'Vulpes vulpes' },
  { deploymentID: 'dep1', path: 'DCIM/IMG_0007.JPG', time: '2023-05-02 09:00:00', species: 'Vulpes vulpes' },
  { deploymentID: 'dep3', path: '100RECNX/IMG_0101.JPG', time: '2023-04-01 10:20:00', species: 'Vulpes vulpes' },
];

async function labelledLibrary() {
  const t = testBackend();
  const lib = await libraryWithMedia(t, media, stations);
  await t.must('species.add', { scientificName: 'Vulpes vulpes', vernacularName: 'Red fox' });
  await t.must('species.add', { scientificName: 'Meles meles', vernacularName: 'Badger' });
  const idOf = lib.db.prepare('SELECT media_id AS id FROM media WHERE file_path = ?').pluck();
  for (const m of media) await t.must('review.label', { target: { mediaIDs: [idOf.get(`media/${m.deploymentID}/${m.path}`) as string] }, scientificName: m.species });
  return { t, ...lib };
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
}

const pick = (rows: Record<string, string>[], columns: string[]) => rows.map((r) => columns.map((c) => r[c]));

describe("camtrapR's tables from the library", () => {
  it('writes the record table as recordTable computes it: delta times to the last record of the species at the station, records within the interval left out', async () => {
    const { t, root } = await labelledLibrary();
    const file = path.join(tempDir(), 'record.csv');
    const written = await t.must('exchange.exportCsv', { table: 'record', file });
    expect(written).toMatchObject({ file, table: 'record', independenceMinutes: 30, rows: 5 });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('Station,Species,DateTimeOriginal,Date,Time,delta.time.secs,delta.time.mins,delta.time.hours,delta.time.days,Directory,FileName,n_images');
    // The station's name has a comma and quotes: quoted, its quotes doubled.
    expect(text).toContain('"Pond, ""north"" bank",Meles meles,2023-05-01 10:05:00,2023-05-01,10:05:00,0,0,0,0,');
    const rows = readCsv(file);
    expect(pick(rows, ['Station', 'Species', 'DateTimeOriginal', 'delta.time.secs', 'delta.time.mins', 'delta.time.hours', 'delta.time.days', 'n_images'])).toEqual([
      ['Pond, "north" bank', 'Meles meles', '2023-05-01 10:05:00', '0', '0', '0', '0', '1'],
      ['Pond, "north" bank', 'Vulpes vulpes', '2023-05-01 10:00:00', '0', '0', '0', '0', '3'],
      ['Pond, "north" bank', 'Vulpes vulpes', '2023-05-01 11:09:59', '1800', '30', '0.5', '0', '1'],
      ['Pond, "north" bank', 'Vulpes vulpes', '2023-05-02 09:00:00', '78601', '1310', '21.8', '0.9', '1'],
      ['Ridge', 'Vulpes vulpes', '2023-04-01 10:20:00', '0', '0', '0', '0', '1'],
    ]);
    expect(rows[1]).toMatchObject({ Date: '2023-05-01', Time: '10:00:00', Directory: path.join(root, 'media', 'dep1', 'DCIM'), FileName: 'IMG_0001.JPG' });

    // Compared with the last independent record, the 10:39:59 fox is 39 min 59 s after the first: a record of its own.
    const second = await t.must('exchange.exportCsv', { table: 'record', file, deltaTimeComparedTo: 'lastIndependentRecord' });
    expect(second.rows).toBe(6);
    const fox = readCsv(file).filter((r) => r.Station?.startsWith('Pond') && r.Species === 'Vulpes vulpes');
    expect(pick(fox, ['DateTimeOriginal', 'delta.time.secs', 'delta.time.mins', 'delta.time.hours', 'n_images'])).toEqual([
      ['2023-05-01 10:00:00', '0', '0', '0', '2'],
      ['2023-05-01 10:39:59', '2399', '40', '0.7', '1'],
      ['2023-05-01 11:09:59', '1800', '30', '0.5', '1'],
      ['2023-05-02 09:00:00', '78601', '1310', '21.8', '1'],
    ]);

    // minDeltaTime 0: every record but the duplicate, each with its time since the one before.
    expect((await t.must('exchange.exportCsv', { table: 'record', file, independenceMinutes: 0 })).rows).toBe(7);
    const all = readCsv(file).filter((r) => r.Station?.startsWith('Pond') && r.Species === 'Vulpes vulpes');
    expect(all.map((r) => r['delta.time.secs'])).toEqual(['0', '600', '1799', '1800', '78601']);

    // The library's setting is the default; a clock offset moves the camera times.
    await t.must('analysis.setIndependence', { minutes: 60 });
    await t.must('deployment.setClockOffset', { deploymentID: 'dep3', offsetSeconds: 3600 });
    const hour = await t.must('exchange.exportCsv', { table: 'record', file });
    expect(hour).toMatchObject({ independenceMinutes: 60, rows: 4 });
    expect(readCsv(file).find((r) => r.Station === 'Ridge')?.DateTimeOriginal).toBe('2023-04-01 11:20:00');
  });

  it("counts the library's events as the record table counts records, with either deltaTimeComparedTo chosen in Settings", async () => {
    const { t } = await labelledLibrary();
    const file = path.join(tempDir(), 'record.csv');
    const events = path.join(tempDir(), 'events.csv');
    const perStation = (rows: Record<string, string>[]) => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(`${r.Station}|${r.Species}`, (counts.get(`${r.Station}|${r.Species}`) ?? 0) + 1);
      return Object.fromEntries([...counts].sort());
    };
    const eventCounts = () => Object.fromEntries(readCsv(events).filter((r) => r.Events !== '0').map((r) => [`${r.Station}|${r.Taxon}`, Number(r.Events)]).sort());
    for (const [comparedTo, foxes] of [['lastRecord', 3], ['lastIndependentRecord', 4]] as const) {
      expect(await t.must('analysis.setIndependence', { minutes: 30, comparedTo })).toEqual({ independenceMinutes: 30, comparedTo });
      expect(await t.must('exchange.exportCsv', { table: 'record', file })).toMatchObject({ comparedTo });
      await t.must('exchange.exportCsv', { table: 'events', file: events });
      expect(eventCounts()).toEqual(perStation(readCsv(file)));
      expect(eventCounts()['Pond, "north" bank|Vulpes vulpes']).toBe(foxes);
    }
  });

  it("adds the detector's classes where nobody named a species, when asked", async () => {
    const { t, db } = await labelledLibrary();
    db.prepare(
      `INSERT INTO media (media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime, taken_at_original, taken_at_ms, timestamp_ms, time_from_file, imported_at)
       SELECT 'ffffffffffffffff', 'dep1', import_id, 'media/dep1/DCIM/IMG_0099.JPG', 'DCIM/IMG_0099.JPG', 'IMG_0099.JPG', 'unlabelled', 1, 'image', 'image/jpeg', '', ?, ?, 0, 'now' FROM imports LIMIT 1`,
    ).run(Date.parse('2023-05-03T08:00:00Z'), Date.parse('2023-05-03T08:00:00Z'));
    const results = path.join(tempDir(), 'md.json');
    const box = (conf: number) => ({ category: '1', conf, bbox: [0.1, 0.1, 0.2, 0.2] });
    fs.writeFileSync(
      results,
      JSON.stringify({ info: { format_version: '1.6', detector: 'md_v5a.0.0.pt' }, detection_categories: { '1': 'animal' }, images: [{ file: 'dep1/DCIM/IMG_0001.JPG', detections: [box(0.9)] }, { file: 'dep1/DCIM/IMG_0099.JPG', detections: [box(0.8)] }] }),
    );
    await t.must('exchange.importResults', { file: results });
    const file = path.join(tempDir(), 'record.csv');
    expect((await t.must('exchange.exportCsv', { table: 'record', file })).rows).toBe(5);
    await t.must('exchange.exportCsv', { table: 'record', file, withDetections: true });
    expect(pick(readCsv(file), ['Species', 'DateTimeOriginal', 'FileName']).filter(([species]) => species === 'animal')).toEqual([['animal', '2023-05-03 08:00:00', 'IMG_0099.JPG']]);
  });

  it("writes the camera trap table for cameraOperation: one row per station, gaps between its deployments as problems", async () => {
    const { t } = await labelledLibrary();
    const file = path.join(tempDir(), 'camop.csv');
    const written = await t.must('exchange.exportCsv', { table: 'camop', file });
    expect(written).toMatchObject({ rows: 2, columns: ['Station', 'Setup_date', 'Retrieval_date', 'Problem1_from', 'Problem1_to', 'locationID', 'latitude', 'longitude'] });
    expect(fs.readFileSync(file, 'utf8')).toBe(
      [
        'Station,Setup_date,Retrieval_date,Problem1_from,Problem1_to,locationID,latitude,longitude',
        '"Pond, ""north"" bank",2023-01-01 00:00:00,2023-12-31 00:00:00,NA,NA,loc1,50.7,4',
        'Ridge,2023-01-01 00:00:00,2023-06-01 00:00:00,2023-03-01 00:00:00,2023-03-05 12:00:00,loc2,50.8,4.1',
        '',
      ].join('\n'),
    );
    // A date range keeps the part of each station's time inside it.
    await t.must('exchange.exportCsv', { table: 'camop', file, from: '2023-02-01', to: '2023-03-31' });
    expect(pick(readCsv(file), ['Station', 'Setup_date', 'Retrieval_date', 'Problem1_from', 'Problem1_to'])).toEqual([
      ['Pond, "north" bank', '2023-02-01 00:00:00', '2023-03-31 23:59:59', 'NA', 'NA'],
      ['Ridge', '2023-02-01 00:00:00', '2023-03-31 23:59:59', '2023-03-01 00:00:00', '2023-03-05 12:00:00'],
    ]);
  });

  it('writes independent events per station and taxon with trap nights, zeros included, as the map counts them', async () => {
    const { t } = await labelledLibrary();
    const file = path.join(tempDir(), 'events.csv');
    expect(await t.must('exchange.exportCsv', { table: 'events', file })).toMatchObject({ rows: 4 });
    // The library's events follow camtrapR's minDeltaTime: records exactly 30 minutes apart are two events, as in the record table.
    expect(pick(readCsv(file), ['Station', 'Taxon', 'TaxonSource', 'Events', 'TrapNights', 'EventsPer100TrapNights', 'EffortRule'])).toEqual([
      ['Pond, "north" bank', 'Meles meles', 'label', '1', '364', '0.27', 'times'],
      ['Pond, "north" bank', 'Vulpes vulpes', 'label', '3', '364', '0.82', 'times'],
      ['Ridge', 'Meles meles', 'label', '0', '146.5', '0', 'times'],
      ['Ridge', 'Vulpes vulpes', 'label', '1', '146.5', '0.68', 'times'],
    ]);
    const map = await t.must('map.activity', { taxon: 'species:Vulpes vulpes' });
    expect(map.stations.map((s) => [s.locationID, s.events, s.trapNights, s.rai]).sort()).toEqual([
      ['loc1', 3, 364, 0.82],
      ['loc2', 1, 146.5, 0.68],
    ]);
  });

  it('says plainly when the folder to write in is gone, and leaves no half-written file', async () => {
    const { t } = await labelledLibrary();
    const gone = path.join(tempDir(), 'gone', 'record.csv');
    expect(await t.call('exchange.exportCsv', { table: 'record', file: gone })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const dir = tempDir();
    await t.must('exchange.exportCsv', { table: 'events', file: path.join(dir, 'events.csv') });
    expect(fs.readdirSync(dir)).toEqual(['events.csv']);
  });
});
