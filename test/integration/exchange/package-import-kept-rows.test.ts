import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRecords, examplePackage, newLibrary } from './package-import-support.ts';
import { keptRows, type CamtrapRow } from '../../../electron/backend/exchange/camtrap-dp/import/kept-rows.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

function table(name: string): Record<string, string>[] {
  const [header = [], ...rows] = csvRecords(path.join(examplePackage(), `${name}.csv`));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** A row as the CSV writes it: empty for null, true/false for booleans. */
const asCsv = (row: CamtrapRow): Record<string, string> => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]));
const only = (row: Record<string, string>, columns: string[]) => Object.fromEntries(columns.map((c) => [c, row[c] ?? '']));

describe('what an imported package keeps for the export', () => {
  it('gives back the remote media and the rows held nowhere else exactly as the package had them', async () => {
    const t = testBackend();
    await newLibrary(t);
    await t.must('exchange.importCamtrapDp', { source: examplePackage() });
    const kept = keptRows(t.backend.requireLibrary().db);
    const deployments = table('deployments');
    const media = table('media');
    const observations = table('observations');

    const remote = deployments.flatMap((d) => kept.remoteMedia(d.deploymentID ?? '', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
    const mediaColumns = ['mediaID', 'deploymentID', 'captureMethod', 'timestamp', 'filePath', 'filePublic', 'fileName', 'fileMediatype'];
    const expectedRemote = media.filter((m) => m.filePath?.startsWith('https://')).map((m) => only(m, mediaColumns));
    expect(remote.map((r) => only(asCsv(r.row), mediaColumns)).sort((a, b) => (a.mediaID ?? '').localeCompare(b.mediaID ?? ''))).toEqual(
      expectedRemote.sort((a, b) => (a.mediaID ?? '').localeCompare(b.mediaID ?? '')),
    );

    const remoteIDs = new Set(expectedRemote.map((m) => m.mediaID));
    const expectedKept = observations.filter((o) => o.observationLevel === 'event' || remoteIDs.has(o.mediaID));
    const keptRowsFound = deployments.flatMap((d) => kept.keptObservations(d.deploymentID ?? ''));
    expect(keptRowsFound).toHaveLength(expectedKept.length);
    const columns = Object.keys(observations[0] ?? {});
    const byId = new Map(keptRowsFound.map((r) => [String(r.observationID), only(asCsv(r), columns)]));
    for (const o of expectedKept) expect(byId.get(o.observationID ?? '')).toEqual(only(o, columns));

    expect(kept.deploymentFields('62c200a9')).toMatchObject({ featureType: 'trailGame', cameraDelay: '0', cameraHeading: '55', deploymentGroups: 'area:DM | season:spring' });
    const box = t.backend.requireLibrary().db.prepare('SELECT detection_id FROM detections ORDER BY detection_id LIMIT 1').pluck().get() as number;
    expect(kept.boxSource(box)).toMatchObject({ scientificName: 'Ardea', classificationMethod: 'machine', classifiedBy: 'Western Europe species model Version 1' });
  });
});
