import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { everyTable } from './results-library.ts';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { testBackend } from '../../support/backend.ts';
import { heronDeploymentsCsv } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

async function emptyLibrary() {
  const t = testBackend();
  await t.must('library.create', { path: path.join(tempDir(), 'library') });
  return t;
}

function csv(text: string, name = 'stations.csv'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

/** A station table as a spreadsheet in Belgium saves it: semicolons, decimal commas, days first, some rows wrong. */
const stationTable = [
  'Station;Latitude;Longitude;Setup;Retrieval;Camera',
  'Pond;50,7;4,0;1/3/2024;15/4/2024;CAM-1',
  'Pond;50.7;4.0;16/4/2024 14:30;30/5/2024;CAM-1',
  'Ridge;50.8;4.1;2024-03-02;2024-05-01 17:05;CAM-2',
  'Marsh;95;4.2;1/3/2024;1/4/2024;',
  'Wood;50.9;4.3;31/02/2024;1/4/2024;',
  'Heath;50.6;4.4;10/4/2024;1/4/2024;',
  ';50.6;4.4;1/4/2024;2/4/2024;',
  'Pond;51.7;4.0;1/6/2024;2/6/2024;',
].join('\r\n');

describe('deployments from a CSV table', () => {
  it('imports a Camtrap DP deployments.csv as it is: IDs, places, times with their offsets', async () => {
    const t = await emptyLibrary();
    const file = heronDeploymentsCsv();
    const preview = await t.must('exchange.previewDeploymentsCsv', { file });
    const expected = parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(preview).toMatchObject({ format: 'camtrap-dp', good: expected.length, bad: 0, newLocations: new Set(expected.map((r) => r.locationID)).size });
    expect(preview.ignoredColumns).toEqual(expect.arrayContaining(['coordinateUncertainty', 'setupBy', 'habitat']));
    const imported = await t.must('exchange.importDeploymentsCsv', { file });
    expect(imported).toMatchObject({ added: expected.length, skipped: 0 });
    const deployments = await t.must('deployment.list', {});
    for (const row of expected) {
      expect(deployments.find((d) => d.deploymentID === row.deploymentID)).toMatchObject({
        locationID: row.locationID,
        locationName: row.locationName,
        latitude: Number(row.latitude),
        longitude: Number(row.longitude),
        deploymentStart: row.deploymentStart,
        deploymentEnd: row.deploymentEnd,
        cameraID: row.cameraID,
        cameraModel: row.cameraModel,
        cameraHeight: Number(row.cameraHeight),
        baitUse: row.baitUse === 'true',
        deploymentComments: row.deploymentComments || null,
      });
    }
    // The same table again: every ID is taken now, and each row says so.
    const again = await t.must('exchange.previewDeploymentsCsv', { file });
    expect(again.bad).toBe(expected.length);
    expect(again.rows.every((r) => r.problems.some((p) => p.key === 'row-id-taken'))).toBe(true);
  });

  it('reads a station table with dates as people write them, lists the problems of each row, and imports all or, when asked, the good rows', async () => {
    const t = await emptyLibrary();
    const file = csv(stationTable);
    const preview = await t.must('exchange.previewDeploymentsCsv', { file });
    expect(preview).toMatchObject({ format: 'stations', dateOrder: 'dmy', dateOrderNeeded: false, good: 3, bad: 5, newLocations: 2, ignoredColumns: [] });
    const good = preview.rows.filter((r) => r.problems.length === 0).map((r) => [r.row, r.deploymentID, r.locationID, r.deploymentStart, r.deploymentEnd, r.cameraID]);
    expect(good).toEqual([
      [2, 'Pond-2024-03-01', 'Pond', '2024-03-01T00:00:00+01:00', '2024-04-15T23:59:59+02:00', 'CAM-1'],
      [3, 'Pond-2024-04-16', 'Pond', '2024-04-16T14:30:00+02:00', '2024-05-30T23:59:59+02:00', 'CAM-1'],
      [4, 'Ridge-2024-03-02', 'Ridge', '2024-03-02T00:00:00+01:00', '2024-05-01T17:05:00+02:00', 'CAM-2'],
    ]);
    const problems = preview.rows.filter((r) => r.problems.length > 0).map((r) => r.problems.map((p) => englishFor(p.key, p.values)));
    expect(problems).toEqual([
      ['Row 5: the latitude 95 is off the map (it must be between -90 and 90).'],
      [expect.stringMatching(/^Row 6: "31\/02\/2024" in Setup is not a date that can be read/)],
      ['Row 7: the camera was taken in before it was set up.'],
      ['Row 8: the station has no name.'],
      ['Row 9: Pond is at 50.7, 4, not where this row puts it.'],
    ]);

    const db = t.backend.requireLibrary().db;
    const before = everyTable(db);
    expect(await t.call('exchange.importDeploymentsCsv', { file })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: '5 rows of stations.csv have problems: correct them, or choose to leave them out. Nothing was imported.' },
    });
    expect(everyTable(db)).toEqual(before);

    const imported = await t.must('exchange.importDeploymentsCsv', { file, skipProblemRows: true });
    expect(imported).toEqual({ file, added: 3, locationsAdded: 2, skipped: 5, problemsAdded: 0, deploymentIDs: ['Pond-2024-03-01', 'Pond-2024-04-16', 'Ridge-2024-03-02'] });
    expect((await t.must('location.list', {})).map((l) => [l.locationID, l.locationName, l.latitude, l.longitude, l.timeZone])).toEqual([
      ['Pond', 'Pond', 50.7, 4, 'Europe/Brussels'],
      ['Ridge', 'Ridge', 50.8, 4.1, 'Europe/Brussels'],
    ]);
    // Imported again, the stations are found by name and the same deployments get new IDs of their own.
    const again = await t.must('exchange.previewDeploymentsCsv', { file });
    expect(again.rows.slice(0, 3).map((r) => [r.deploymentID, r.newLocation])).toEqual([
      ['Pond-2024-03-01-2', false],
      ['Pond-2024-04-16-2', false],
      ['Ridge-2024-03-02-2', false],
    ]);
  });

  it('asks which comes first when every date reads either way, and reads them as told', async () => {
    const t = await emptyLibrary();
    const file = csv('Station,Latitude,Longitude,Setup_date,Retrieval_date\nA,-1.5,36.8,01/03/2024,02/04/2024 08:00\n');
    const preview = await t.must('exchange.previewDeploymentsCsv', { file });
    expect(preview).toMatchObject({ dateOrderNeeded: true, good: 1 });
    expect(await t.call('exchange.importDeploymentsCsv', { file })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/can be read day first or month first/) } });
    const monthFirst = await t.must('exchange.previewDeploymentsCsv', { file, dateOrder: 'mdy' });
    expect(monthFirst.rows[0]).toMatchObject({ deploymentStart: '2024-01-03T00:00:00+03:00', deploymentEnd: '2024-02-04T08:00:00+03:00' });
    expect(await t.must('exchange.importDeploymentsCsv', { file, dateOrder: 'mdy' })).toMatchObject({ added: 1 });
  });

  it('names a missing column, and takes month names and times with am/pm', async () => {
    const t = await emptyLibrary();
    expect(await t.call('exchange.previewDeploymentsCsv', { file: csv('Station,Latitude,Setup,Retrieval\nA,1,2024-01-01,2024-02-01\n') })).toMatchObject({
      ok: false,
      error: { message: 'stations.csv has no longitude column: the first line must name the columns.' },
    });
    const file = csv('site,lat,lon,start,end,bait,height\n"Old oak, east side",47.5,8.5,1 March 2024,"Apr 2, 2024 2:30 pm",yes,"0,8"\n');
    const preview = await t.must('exchange.previewDeploymentsCsv', { file });
    expect(preview.rows[0]).toMatchObject({ locationName: 'Old oak, east side', deploymentStart: '2024-03-01T00:00:00+01:00', deploymentEnd: '2024-04-02T14:30:00+02:00', baitUse: true, cameraHeight: 0.8, problems: [] });
  });
});
