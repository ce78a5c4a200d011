import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { testBackend } from '../../support/backend.ts';
import { cameraTrapImages } from '../../support/shared.ts';
import { heronPicture, putFile, sortedHeronCard } from '../../support/sorted-card.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const heron = heronPicture;
const picture = (name: string) => path.join(cameraTrapImages(), name);

/**
 * A card sorted by hand the camtrapR way, from the fixture images: herons at the Wad (one of them
 * in an individual's folder, two in UNID, two in a folder nobody named a species), a dog, a
 * person, an elephant and an empty picture at the Camp, a picture loose in a station folder and a
 * station the library does not know.
 */
function sortedCard(): string {
  const root = sortedHeronCard(path.join(tempDir(), 'sorted'));
  const put = (from: string, ...to: string[]) => putFile(root, from, ...to);
  put(picture('domestic_dog.jpg'), 'Camp', 'Canis familiaris', 'dog.jpg');
  put(picture('human.jpg'), 'Camp', 'Human', 'human.jpg');
  put(picture('african_elephants.jpg'), 'Camp', 'African bush elephant', 'elephants.jpg');
  put(picture('blank.jpg'), 'Camp', 'Empty', 'blank.jpg');
  put(picture('vehicle.jpg'), 'Camp', 'vehicle.jpg');
  return root;
}

async function libraryWithStations() {
  const t = testBackend();
  await t.must('library.create', { path: path.join(tempDir(), 'library') });
  await t.must('location.add', { locationID: 'wad', locationName: 'Wad', latitude: 50.699, longitude: 4.013 });
  await t.must('location.add', { locationID: 'camp', locationName: 'Camp', latitude: -2.3, longitude: 34.8 });
  await t.must('deployment.add', { deploymentID: 'wad-2021', locationID: 'wad', deploymentStart: '2021-03-27T21:38:18+01:00', deploymentEnd: '2021-04-18T22:25:00+02:00' });
  await t.must('deployment.add', { deploymentID: 'camp-2010', locationID: 'camp', deploymentStart: '2010-01-01T00:00:00+03:00', deploymentEnd: '2024-12-31T23:59:59+03:00', datesOnly: true });
  return t;
}

describe('cards sorted by hand into Station/Species folders', () => {
  it('matches stations, deployments and folder names, and asks only for the names it cannot match', async () => {
    const t = await libraryWithStations();
    const source = sortedCard();
    const preview = await t.must('ingest.previewSorted', { source });
    expect(preview).toMatchObject({ layout: 'station-species', files: 16, looseFiles: 1 });
    expect(preview.groups.map((g) => [g.folder, g.files, g.deploymentID, g.problem ? englishFor(g.problem.key, g.problem.values) : null])).toEqual([
      ['Camp', 4, 'camp-2010', null],
      ['Nowhere', 1, null, "The folder Nowhere has no station of that name in the library: add the station (Stations and deployments, or a station table), or rename the folder to the station's name."],
      ['Wad', 10, 'wad-2021', null],
    ]);
    expect(preview.folders.map((f) => [f.name, f.files, f.match && [f.match.observationType, f.match.scientificName, f.match.from]])).toEqual([
      ['African bush elephant', 1, ['animal', 'Loxodonta africana', 'name']],
      ['Ardea_cinerea', 6, ['animal', 'Ardea cinerea', 'name']],
      ['big grey bird', 2, null],
      ['Canis familiaris', 1, ['animal', 'Canis familiaris', 'name']],
      ['Empty', 1, ['blank', null, 'word']],
      ['Human', 1, ['human', null, 'word']],
      ['UNID', 2, ['unknown', null, 'word']],
      ['Vulpes_vulpes', 1, ['animal', 'Vulpes vulpes', 'name']],
    ]);
    // Nothing is copied while a folder name is unknown.
    expect(await t.call('ingest.importSorted', { source })).toMatchObject({
      ok: false,
      error: { message: 'The species folder big grey bird is not a species the app knows: choose what it holds before importing.' },
    });
    expect(t.backend.requireLibrary().db.prepare('SELECT COUNT(*) FROM media').pluck().get()).toBe(0);
  });

  it('imports each station folder into its deployment and labels every file with its folder, as a hand count says', async () => {
    const t = await libraryWithStations();
    const source = sortedCard();
    const done = await t.must('ingest.importSorted', { source, folders: [{ name: 'big grey bird', scientificName: 'Ardea cinerea', observationType: 'animal' }] });
    expect(done.imports.map((i) => [i.deploymentID, i.state, i.imported])).toEqual([
      ['camp-2010', 'done', 4],
      ['wad-2021', 'done', 10],
    ]);
    expect(done).toMatchObject({ layout: 'station-species', labelled: 14 });
    expect(done.skipped.map((s) => s.folder)).toEqual(['Nowhere']);

    const { db } = t.backend.requireLibrary();
    const labels = db
      .prepare(
        `SELECT m.source_path AS file, o.observation_type AS type, o.scientific_name AS species, o.classified_by AS classifiedBy
         FROM observations o JOIN media m ON m.media_pk = o.media_pk WHERE o.superseded_by IS NULL ORDER BY m.deployment_id, m.source_path`,
      )
      .all();
    expect(labels).toEqual([
      { file: 'African bush elephant/elephants.jpg', type: 'animal', species: 'Loxodonta africana', classifiedBy: 'folder name: African bush elephant' },
      { file: 'Canis familiaris/dog.jpg', type: 'animal', species: 'Canis familiaris', classifiedBy: 'folder name: Canis familiaris' },
      { file: 'Empty/blank.jpg', type: 'blank', species: null, classifiedBy: 'folder name: Empty' },
      { file: 'Human/human.jpg', type: 'human', species: null, classifiedBy: 'folder name: Human' },
      ...[31, 32, 33, 34, 35].map((n) => ({ file: `Ardea_cinerea/RCNX00${n}.JPG`, type: 'animal', species: 'Ardea cinerea', classifiedBy: 'folder name: Ardea_cinerea' })),
      { file: 'Ardea_cinerea/ind01/RCNX0036.JPG', type: 'animal', species: 'Ardea cinerea', classifiedBy: 'folder name: Ardea_cinerea' },
      ...[37, 38].map((n) => ({ file: `UNID/RCNX00${n}.JPG`, type: 'unknown', species: null, classifiedBy: 'folder name: UNID' })),
      ...[39, 40].map((n) => ({ file: `big grey bird/RCNX00${n}.JPG`, type: 'animal', species: 'Ardea cinerea', classifiedBy: 'folder name: big grey bird' })),
    ]);
    // The loose picture and the unknown station's stay where they are.
    expect(db.prepare("SELECT COUNT(*) FROM media WHERE file_name IN ('vehicle.jpg', 'blank2.jpg')").pluck().get()).toBe(0);
    // The person's mapping is remembered for the next card.
    expect((await t.must('ingest.previewSorted', { source })).folders.find((f) => f.name === 'big grey bird')?.match).toEqual({ scientificName: 'Ardea cinerea', observationType: 'animal', from: 'remembered' });

    // Hand count with a 1-minute interval: the eight herons (20:43:09 to 20:43:15) are one event at the Wad; the dog and the elephants one each at the Camp.
    await t.must('analysis.setIndependence', { minutes: 1 });
    const events = db.prepare("SELECT d.location_id AS station, e.taxon, e.records FROM events e JOIN deployments d ON d.deployment_id = e.deployment_id WHERE e.taxon LIKE 'species:%' ORDER BY station, taxon").all();
    expect(events).toEqual([
      { station: 'camp', taxon: 'species:Canis familiaris', records: 1 },
      { station: 'camp', taxon: 'species:Loxodonta africana', records: 1 },
      { station: 'wad', taxon: 'species:Ardea cinerea', records: 8 },
    ]);
    const record = path.join(tempDir(), 'record.csv');
    await t.must('exchange.exportCsv', { table: 'record', file: record });
    const rows = parse(fs.readFileSync(record, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.Station, r.Species, r.DateTimeOriginal, r.n_images])).toEqual([
      ['Camp', 'Canis familiaris', '2017-07-13 12:09:23', '1'],
      ['Camp', 'Loxodonta africana', '2010-08-04 08:43:15', '1'],
      // Of the eight, two share 20:43:10 and two 20:43:12: camtrapR counts each second once, six images.
      ['Wad', 'Ardea cinerea', '2021-04-11 20:43:09', '6'],
    ]);
  });

  it('reads Station/Camera/Species trees, matching the camera folder to the deployment of that camera', async () => {
    const t = await libraryWithStations();
    await t.must('deployment.update', { deploymentID: 'wad-2021', cameraID: 'CAM-315' });
    const root = path.join(tempDir(), 'by-camera');
    for (const [n, species] of [[31, 'Ardea cinerea'], [32, 'UNID']] as const) {
      fs.mkdirSync(path.join(root, 'Wad', 'CAM-315', species), { recursive: true });
      fs.copyFileSync(heron(n), path.join(root, 'Wad', 'CAM-315', species, `RCNX00${n}.JPG`));
    }
    const preview = await t.must('ingest.previewSorted', { source: root });
    expect(preview.layout).toBe('station-camera-species');
    expect(preview.groups).toMatchObject([{ folder: 'Wad/CAM-315', station: 'Wad', camera: 'CAM-315', deploymentID: 'wad-2021', problem: null }]);
    const done = await t.must('ingest.importSorted', { source: root });
    expect(done).toMatchObject({ labelled: 2, imports: [{ deploymentID: 'wad-2021', imported: 2 }] });
  });
});
