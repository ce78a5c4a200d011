import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { everyTable, libraryWithMedia, type PlannedMedia } from './results-library.ts';
import { copySpec } from '../../../build/scripts/copy-spec.mjs';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

function csv(text: string, name = 'camtraps.csv'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

/**
 * camtrapR's own `camtraps` data (jniedballa/camtrapR, data/camtraps.rda) as write.csv writes it:
 * UTM zone 50N in Sabah, dates day first, R's NA where StationA and B had no problem.
 */
const camtraps = [
  '"","Station","utm_y","utm_x","Setup_date","Retrieval_date","Problem1_from","Problem1_to"',
  '"1","StationA",607050,526000,"02/04/2009","14/05/2009",NA,NA',
  '"2","StationB",606000,523000,"03/04/2009","16/05/2009",NA,NA',
  '"3","StationC",604000,525000,"04/04/2009","17/05/2009","12/05/2009","17/05/2009"',
].join('\n');

const zone50N = { zone: 50, hemisphere: 'north' } as const;

/** Three independent events of a leopard cat at StationC (an hour apart at least), one of them while the camera was out. */
const media: (PlannedMedia & { species: string })[] = [
  { deploymentID: 'StationC-2009-04-04', path: 'IMG_0001.JPG', time: '2009-04-10 21:00:00', species: 'Prionailurus bengalensis' },
  { deploymentID: 'StationC-2009-04-04', path: 'IMG_0002.JPG', time: '2009-04-20 03:00:00', species: 'Prionailurus bengalensis' },
  { deploymentID: 'StationC-2009-04-04', path: 'IMG_0003.JPG', time: '2009-05-13 02:00:00', species: 'Prionailurus bengalensis' },
];

describe("a camtrapR camera trap table: effort as camtrapR's surveyReport counts it", () => {
  it("imports camtrapR's camtraps table and counts StationA and StationC as its tests do", async () => {
    const t = testBackend();
    const file = csv(camtraps);
    await libraryWithMedia(t, [], [], async () => {
      const preview = await t.must('exchange.previewDeploymentsCsv', { file });
      expect(preview).toMatchObject({ format: 'stations', coordinates: 'utm', utmZoneNeeded: true, problemColumns: 1, dateOrder: 'dmy', dateOrderNeeded: false });
      expect(await t.call('exchange.importDeploymentsCsv', { file })).toMatchObject({
        ok: false,
        error: { message: 'The coordinates in camtraps.csv are UTM eastings and northings: choose their zone and hemisphere before importing.' },
      });
      expect(await t.must('exchange.importDeploymentsCsv', { file, utmZone: zone50N })).toMatchObject({ added: 3, locationsAdded: 3, skipped: 0, problemsAdded: 1 });
    });

    const report = await t.must('effort.report', {});
    const byStation = Object.fromEntries(report.deployments.map((d) => [d.locationName, d]));
    // test-surveyReport.R: n_calendar_days_total 43 and n_trap_nights_active 42 for StationA; 44, 38 and 37.5 for StationC.
    expect(byStation.StationA).toMatchObject({ rule: 'dates', calendarDays: 43, activeDays: 43, inactiveDays: 0, trapNights: 42, problems: 0 });
    expect(byStation.StationB).toMatchObject({ rule: 'dates', calendarDays: 44, trapNights: 43 });
    expect(byStation.StationC).toMatchObject({ rule: 'dates', calendarDays: 44, activeDays: 38, inactiveDays: 6, trapNights: 37.5, problems: 1 });

    const deployments = await t.must('deployment.list', {});
    const c = deployments.find((d) => d.locationName === 'StationC');
    expect(c).toMatchObject({ deploymentID: 'StationC-2009-04-04', datesOnly: true, latitude: 5.464369, longitude: 117.225687, timeZone: 'Asia/Kuching' });
    expect(c?.deploymentStart).toBe('2009-04-04T00:00:00+08:00');
    expect(c?.deploymentEnd).toBe('2009-05-17T23:59:59+08:00');
    expect(await t.must('effort.problems', { deploymentID: 'StationC-2009-04-04' })).toMatchObject([{ from: '2009-05-12', to: '2009-05-17', reason: null }]);
  });

  it('divides events by the active trap nights, and flags the record taken while the camera was out', async () => {
    const t = testBackend();
    const { db } = await libraryWithMedia(t, media, [], () => t.must('exchange.importDeploymentsCsv', { file: csv(camtraps), utmZone: zone50N }));
    await t.must('species.add', { scientificName: 'Prionailurus bengalensis', vernacularName: 'Leopard cat' });
    const idOf = db.prepare('SELECT media_id AS id FROM media WHERE source_path = ?').pluck();
    for (const m of media) await t.must('review.label', { target: { mediaIDs: [idOf.get(m.path) as string] }, scientificName: m.species });

    const map = await t.must('map.activity', { taxon: 'species:Prionailurus bengalensis' });
    const stationC = map.stations.find((s) => s.locationName === 'StationC');
    expect(stationC).toMatchObject({ events: 3, trapNights: 37.5, rai: 8 });
    expect((await t.must('map.station', { locationID: stationC?.locationID ?? '', taxon: 'species:Prionailurus bengalensis' })).trapNights).toBe(37.5);
    // In April only: 26.5 trap nights (4 April from noon to 30 April).
    expect((await t.must('map.activity', { taxon: 'species:Prionailurus bengalensis', from: '2009-04-01', to: '2009-04-30' })).stations.find((s) => s.locationName === 'StationC')).toMatchObject({
      events: 2,
      trapNights: 26.5,
      rai: 7.55,
    });

    const page = await t.must('media.page', { deploymentID: 'StationC-2009-04-04', limit: 10 });
    expect(page.items.map((m) => [m.fileName, m.cameraProblem])).toEqual([
      ['IMG_0001.JPG', false],
      ['IMG_0002.JPG', false],
      ['IMG_0003.JPG', true],
    ]);
  });

  it('exports the camera trap table with its problem period, and the export reads back to the same effort', async () => {
    const t = testBackend();
    await libraryWithMedia(t, [], [], () => t.must('exchange.importDeploymentsCsv', { file: csv(camtraps), utmZone: zone50N }));
    const out = path.join(tempDir(), 'camop.csv');
    await t.must('exchange.exportCsv', { table: 'camop', file: out });
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('Station,Setup_date,Retrieval_date,Problem1_from,Problem1_to,locationID,latitude,longitude');
    // Half setup and retrieval days as noon, the problem from midnight to the retrieval: camtrapR reads the same effort with dateFormat "ymd HMS".
    expect(lines[3]).toBe('StationC,2009-04-04 12:00:00,2009-05-17 12:00:00,2009-05-12 00:00:00,2009-05-17 12:00:00,StationC,5.464369,117.225687');

    const again = testBackend();
    await libraryWithMedia(again, [], [], () => again.must('exchange.importDeploymentsCsv', { file: out }));
    const report = await again.must('effort.report', {});
    expect(report.deployments.map((d) => [d.locationName, d.rule, d.calendarDays, d.activeDays, d.trapNights])).toEqual([
      ['StationA', 'times', 43, 43, 42],
      ['StationB', 'times', 44, 44, 43],
      ['StationC', 'times', 44, 38, 37.5],
    ]);
  });

  it('carries camera problems through Camtrap DP as deploymentTags, and reads them back', async () => {
    copySpec();
    const t = testBackend();
    const { db } = await libraryWithMedia(t, media, [], () => t.must('exchange.importDeploymentsCsv', { file: csv(camtraps), utmZone: zone50N }));
    await t.must('species.add', { scientificName: 'Prionailurus bengalensis', vernacularName: 'Leopard cat' });
    const ids = db.prepare('SELECT media_id FROM media').pluck().all() as string[];
    await t.must('review.label', { target: { mediaIDs: ids }, scientificName: 'Prionailurus bengalensis' });
    await t.must('project.set', {
      title: 'Sabah stations',
      samplingDesign: 'systematicRandom',
      captureMethod: ['activityDetection'],
      individualAnimals: false,
      observationLevel: ['media', 'event'],
      contributors: [{ name: 'Ada Field', email: 'ada@example.org', role: 'contact' }],
      dataLicence: 'CC0-1.0',
      mediaLicence: 'CC-BY-4.0',
    });
    const out = tempDir();
    const written = await t.must('exchange.exportCamtrapDp', { folder: out, media: 'none', mediaBase: 'https://media.example.org/sabah' });
    expect(written.problems.map((p) => englishFor(p.key, p.values))).toEqual([]);
    const folder = written.folder ?? '';
    const deployments = fs.readFileSync(path.join(folder, 'deployments.csv'), 'utf8');
    expect(deployments).toContain('cameraProblem:2009-05-12/2009-05-17');
    expect(deployments).toContain('Camera not working: 2009-05-12 to 2009-05-17.');

    const again = testBackend();
    await libraryWithMedia(again, [], [], async () => expect(await again.must('exchange.importCamtrapDp', { source: folder })).toMatchObject({ outcome: 'imported' }));
    expect(await again.must('effort.problems', { deploymentID: 'StationC-2009-04-04' })).toMatchObject([{ from: '2009-05-12', to: '2009-05-17' }]);
  });

  it('refuses a bad station table row by row, in plain words, and imports nothing of it', async () => {
    const t = testBackend();
    const { db } = await libraryWithMedia(t, [], []);
    const bad = csv(
      [
        'Station,Camera,utm_y,utm_x,Setup_date,Retrieval_date,Problem1_from,Problem1_to',
        'StationA,,607050,526000,02/04/2009,14/05/2009,NA,NA',
        'StationB,,606000,523000,the third of April,16/05/2009,NA,NA',
        'StationC,,604000,525000,17/05/2009,04/04/2009,NA,NA',
        'StationD,,605000,524000,04/04/2009,17/05/2009,10/05/2009,20/05/2009',
        'StationA,,607050,526000,10/04/2009,20/04/2009,NA,NA',
        'StationE,C1,605500,524500,04/04/2009,17/05/2009,NA,NA',
        'StationE,C2,605500,524500,04/04/2009,17/05/2009,12/05/2009,NA',
      ].join('\n'),
      'stations.csv',
    );
    const before = everyTable(db);
    const preview = await t.must('exchange.previewDeploymentsCsv', { file: bad, utmZone: zone50N });
    expect(preview).toMatchObject({ good: 2, bad: 5 });
    expect(preview.rows.map((r) => r.problems.map((p) => englishFor(p.key, p.values)))).toEqual([
      [],
      ['Row 3: "the third of April" in Setup_date is not a date that can be read (like 2024-03-01, 1/3/2024 or 1 March 2024, with a time if you like).'],
      ['Row 4: the camera was taken in before it was set up.'],
      ['Row 5: the camera problem from 2009-05-10 to 2009-05-20 is outside the time the camera stood there (2009-04-04 to 2009-05-17).'],
      ['Row 6: StationA is already in row 2 for the same time. If two cameras stood there, name them in a Camera column; otherwise correct the dates or remove one row.'],
      [],
      ['Row 8: camera problem 1 has a start or an end but not both: give both dates, or neither.'],
    ]);
    expect(await t.call('exchange.importDeploymentsCsv', { file: bad, utmZone: zone50N })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: '5 rows of stations.csv have problems: correct them, or choose to leave them out. Nothing was imported.' },
    });
    expect(everyTable(db)).toEqual(before);
  });
});
