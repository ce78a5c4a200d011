import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPredictions, libraryWithPredictions } from './machine-species-library.ts';
import { openDatabase } from '../../../electron/backend/library/db.ts';
import { machineRecords } from '../../../electron/backend/library/independent-events.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

type T = ReturnType<typeof testBackend>;

/** Independent events of a taxon at the pond and on the ridge, as the map counts them. */
async function events(t: T, taxon: string): Promise<number[]> {
  return (await t.must('map.activity', { taxon })).stations.map((s) => s.events);
}

describe('the machine’s species on the map and in the analyses', () => {
  it('counts a species only the classifier named when switched on, at or above the probability chosen, and never over a person', async () => {
    const t = testBackend();
    const { db, runId, mediaIDOf } = await libraryWithPredictions(t);
    const fox = 'species:Vulpes vulpes';

    // Off (the default): people's labels only, and nobody has labelled.
    const off = await t.must('map.activity', { taxon: fox });
    expect(off.machineSpecies).toEqual({ include: false, threshold: 0.8 });
    expect(off.stations.map((s) => s.events)).toEqual([0, 0]);
    expect(off.taxa.filter((x) => x.startsWith('species:'))).toEqual([]);

    // On at 80 %: the two foxes at the pond five minutes apart are one event; the ridge's fox (60 %) and the deer (75 %) fall short.
    expect(await t.must('analysis.setMachineSpecies', { include: true, threshold: 0.8 })).toEqual({ include: true, threshold: 0.8 });
    const on = await t.must('map.activity', { taxon: fox });
    expect(on.machineSpecies).toEqual({ include: true, threshold: 0.8 });
    expect(on.stations.map((s) => [s.locationID, s.events, s.rai])).toEqual([
      ['loc1', 1, 0.27],
      ['loc2', 0, 0],
    ]);
    expect(on.taxa.filter((x) => x.startsWith('species:'))).toEqual(['species:Meles meles', fox]);
    expect(on.firstDay).toBe('2023-05-01');

    // At 50 % the ridge's fox and the deer count too; a blank prediction is no species.
    await t.must('analysis.setMachineSpecies', { include: true, threshold: 0.5 });
    expect(await events(t, fox)).toEqual([1, 1]);
    expect(await events(t, 'species:Capreolus capreolus')).toEqual([1, 0]);
    expect((await t.must('map.activity', { taxon: fox })).taxa.filter((x) => x.startsWith('species:'))).toEqual(['species:Capreolus capreolus', 'species:Meles meles', fox]);

    // Every view of the map counts the same: side by side, a station's panel, daily activity, occupancy.
    expect((await t.must('map.multiples', { taxa: [fox, 'species:Meles meles'], withDetector: false })).panels.map((p) => p.stations.map((s) => s.events))).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect((await t.must('map.station', { locationID: 'loc1', taxon: fox })).eventsByTaxon).toEqual(
      expect.arrayContaining([
        { taxon: fox, events: 1 },
        { taxon: 'species:Capreolus capreolus', events: 1 },
      ]),
    );
    expect(await t.must('activity.diel', { taxon: fox, timeScale: 'clock' })).toMatchObject({ records: 2 });
    expect((await t.must('activity.occupancy', {})).taxa.find((x) => x.taxon === fox)).toMatchObject({ stations: 2, occupancy: 1 });

    // A person's label wins on its picture: the badger becomes a marten, the ridge's fox a deer.
    await t.must('species.add', { scientificName: 'Martes martes', vernacularName: 'pine marten' });
    await t.must('species.add', { scientificName: 'Capreolus capreolus', vernacularName: 'roe deer' });
    await t.must('review.label', { target: { mediaIDs: [mediaIDOf('dep2/100RECNX/IMG_0102.JPG')] }, scientificName: 'Martes martes' });
    await t.must('review.label', { target: { mediaIDs: [mediaIDOf('dep2/100RECNX/IMG_0101.JPG')] }, scientificName: 'Capreolus capreolus' });
    expect(await events(t, 'species:Meles meles')).toEqual([0, 0]);
    expect(await events(t, 'species:Martes martes')).toEqual([0, 1]);
    expect(await events(t, fox)).toEqual([1, 0]);
    expect(await events(t, 'species:Capreolus capreolus')).toEqual([1, 1]);
    // A picture a person marked empty counts for nothing; the other fox still holds the event.
    await t.must('review.markEmpty', { target: { mediaIDs: [mediaIDOf('dep1/DCIM/IMG_0001.JPG')] } });
    expect(await events(t, fox)).toEqual([1, 0]);
    await t.must('review.markEmpty', { target: { mediaIDs: [mediaIDOf('dep1/DCIM/IMG_0002.JPG')] } });
    expect(await events(t, fox)).toEqual([0, 0]);

    // A box the classifier named (as the species stage stores it), and the same box marked false by a person.
    const box = db.prepare("SELECT d.detection_id AS id, d.media_pk AS pk FROM detections d JOIN media m ON m.media_pk = d.media_pk WHERE m.file_path = 'media/dep1/DCIM/IMG_0003.JPG'").get() as { id: number; pk: number };
    const rabbit = 'species:Nesolagus timminsi';
    db.prepare(
      "INSERT INTO classifications (run_id, media_pk, detection_id, kind, rank, label, observation_type, scientific_name, vernacular_name, conf) VALUES (?, ?, ?, 'prediction', 1, 'annamite striped rabbit', 'animal', 'Nesolagus timminsi', 'annamite striped rabbit', 0.97)",
    ).run(runId, box.pk, box.id);
    await t.must('analysis.setMachineSpecies', { include: true, threshold: 0.9 });
    expect(await events(t, rabbit)).toEqual([1, 0]);
    expect(await events(t, 'species:Capreolus capreolus')).toEqual([0, 1]);
    // Named in the classifier's English where neither the checklist nor the library's list has it.
    expect(await t.must('activity.names', { taxa: [rabbit], language: 'en' })).toEqual({ [rabbit]: 'annamite striped rabbit' });
    expect(await t.must('activity.names', { taxa: [rabbit], language: 'fr' })).toEqual({ [rabbit]: null });
    await t.must('review.markFalse', { detectionIds: [box.id] });
    expect(await events(t, rabbit)).toEqual([0, 0]);

    // Switched off, only people's labels are left.
    await t.must('analysis.setMachineSpecies', { include: false, threshold: 0.9 });
    expect((await t.must('map.activity', { taxon: fox })).taxa.filter((x) => x.startsWith('species:'))).toEqual(['species:Capreolus capreolus', 'species:Martes martes']);
    expect(await events(t, 'species:Capreolus capreolus')).toEqual([0, 1]);
    // The switch is refused in words below a half.
    expect(await t.call('analysis.setMachineSpecies', { include: true, threshold: 0.2 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  }, 60_000);

  it('takes the species of the latest run that predicted anything for a picture', async () => {
    const t = testBackend();
    await libraryWithPredictions(t);
    await t.must('analysis.setMachineSpecies', { include: true, threshold: 0.5 });
    expect(await events(t, 'species:Capreolus capreolus')).toEqual([1, 0]);
    // A second file says the deer was a fox: the newer run is the machine's word, and the events follow the import.
    await importPredictions(t, [{ file: 'dep1/DCIM/IMG_0003.JPG', said: { label: 'fox', score: 0.88 } }]);
    expect(await events(t, 'species:Capreolus capreolus')).toEqual([0, 0]);
    expect(await events(t, 'species:Vulpes vulpes')).toEqual([2, 1]);
  }, 60_000);
});

describe('query plans of the machine’s species', () => {
  it('counts a deployment’s predictions by picture, never walking the classifications or the observations', () => {
    const db = openDatabase(path.join(tempDir(), 'plans.sqlite'));
    db.exec('ANALYZE');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${machineRecords}`).all({ deploymentID: 'd', machineThreshold: 0.8 }) as { detail: string }[]).map((r) => r.detail).join(' | ');
    db.close();
    expect(plan).toMatch(/SEARCH m USING (COVERING )?INDEX media_deployment/);
    expect(plan).toMatch(/SEARCH c USING INDEX classifications_result \(media_pk=\?\)/);
    expect(plan).toMatch(/SEARCH l USING INDEX classifications_result \(media_pk=\?\)/);
    expect(plan).toMatch(/SEARCH p USING INDEX observations_media \(media_pk=\?\)/);
    expect(plan).toMatch(/SEARCH k USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN (c|l|p|k|kr|classifications|observations)\b/);
  });
});
