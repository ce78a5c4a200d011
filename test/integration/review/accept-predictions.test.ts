import { afterAll, describe, expect, it } from 'vitest';
import { libraryWithPredictions, observations, predictedLibrary, taxa } from './predicted-library.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('accepting the machine’s species', () => {
  it('turns a sequence’s predictions into a person’s observations in one action, leaves people’s labels, and undoes and redoes exactly those', async () => {
    const { t, db, ids } = await predictedLibrary();
    const sequenceNo = db.prepare("SELECT sequence_no FROM media WHERE file_name = 'IMG_0001.JPG'").pluck().get() as number;
    // A person already said what is in the second picture: that stays.
    await t.must('species.ensure', { scientificName: 'Capreolus capreolus' });
    await t.must('review.label', { target: { mediaIDs: [ids.get('IMG_0002.JPG') as string] }, scientificName: 'Capreolus capreolus' });
    const before = observations(db);

    const accepted = await t.must('review.accept', { target: { deploymentID: 'dep1', sequenceNo }, classifiedBy: 'Ana' });
    expect(accepted).toMatchObject({ kind: 'label', media: 2 });
    const after = observations(db);
    expect(after).toEqual([
      { file: 'IMG_0001.JPG', box: null, type: 'animal', name: 'Vulpes vulpes', count: null, by: 'Ana (accepted from model SpeciesNet 4.0.1a)' },
      { file: 'IMG_0002.JPG', box: null, type: 'animal', name: 'Capreolus capreolus', count: null, by: null },
      { file: 'IMG_0003.JPG', box: null, type: 'animal', name: 'Capreolus capreolus', count: null, by: 'Ana (accepted from model SpeciesNet 4.0.1a)' },
    ]);
    // The species went on the library's list with the checklist's common name, so the grid now shows it as a person's label.
    expect(db.prepare("SELECT vernacular_name FROM species WHERE scientific_name = 'Vulpes vulpes'").pluck().get()).toBe('Red fox');
    const first = (await t.must('media.page', {})).items[0];
    expect(first).toMatchObject({ fileName: 'IMG_0001.JPG', reviewed: true, labels: ['Red fox'] });
    expect(await t.must('review.predictions', { mediaID: ids.get('IMG_0001.JPG') as string })).toMatchObject({ classifier: 'SpeciesNet 4.0.1a', open: [] });

    expect(await t.must('review.history', {})).toMatchObject({ undo: { actionId: accepted.actionId, media: 2 } });
    expect(await t.must('review.undo', {})).toMatchObject({ actionId: accepted.actionId });
    expect(observations(db)).toEqual(before);
    expect(await t.must('review.redo', {})).toMatchObject({ actionId: accepted.actionId });
    expect(observations(db)).toEqual(after);

    // Nothing is left to accept there: said in words.
    expect(await t.call('review.accept', { target: { deploymentID: 'dep1', sequenceNo } })).toMatchObject({
      ok: false,
      error: { code: 'not-found', says: { key: 'nothing-to-accept' } },
    });
  });

  it('accepts the open boxes of a picture from its latest run, and a blank prediction as empty', async () => {
    const { t, db, ids, boxes } = await predictedLibrary();
    const fourth = ids.get('IMG_0004.JPG') as string;
    const [badgerBox, foxBox] = boxes as [number, number];
    expect(await t.must('review.predictions', { mediaID: fourth })).toEqual({
      runId: expect.any(Number),
      classifier: 'SpeciesNet 4.0.1a',
      open: [
        { detectionId: badgerBox, name: 'european badger', scientificName: 'Meles meles', observationType: 'animal', conf: 0.7 },
        { detectionId: foxBox, name: 'red fox', scientificName: 'Vulpes vulpes', observationType: 'animal', conf: 0.6 },
      ],
    });
    // A person labels the first box: its prediction is no longer offered, the other box's is.
    await t.must('species.ensure', { scientificName: 'Sus scrofa' });
    await t.must('review.label', { target: { detectionIds: [badgerBox] }, scientificName: 'Sus scrofa' });
    expect((await t.must('review.predictions', { mediaID: fourth }))?.open.map((p) => p.detectionId)).toEqual([foxBox]);
    await t.must('review.accept', { target: { mediaIDs: [fourth] } });
    expect(observations(db).filter((o) => o.file === 'IMG_0004.JPG')).toEqual([
      { file: 'IMG_0004.JPG', box: badgerBox, type: 'animal', name: 'Sus scrofa', count: null, by: null },
      { file: 'IMG_0004.JPG', box: foxBox, type: 'animal', name: 'Vulpes vulpes', count: 1, by: 'accepted from model SpeciesNet 4.0.1a' },
    ]);

    const blank = await t.must('review.accept', { target: { mediaIDs: [ids.get('IMG_0006.JPG') as string] } });
    expect(blank).toMatchObject({ kind: 'empty', media: 1, scientificName: null });
    expect(observations(db).filter((o) => o.file === 'IMG_0006.JPG')).toEqual([
      { file: 'IMG_0006.JPG', box: null, type: 'blank', name: null, count: null, by: 'accepted from model SpeciesNet 4.0.1a' },
    ]);
    expect(await t.must('review.predictions', { mediaID: ids.get('IMG_0005.JPG') as string })).toBeNull();
    expect(await t.call('review.accept', { target: { mediaIDs: [ids.get('IMG_0005.JPG') as string] } })).toMatchObject({ ok: false, error: { says: { key: 'nothing-to-accept' } } });
  });

  it('puts a species the checklist does not know on the list with the model’s common name', async () => {
    const t = testBackend();
    const { db, ids } = await libraryWithPredictions(t, [[{ file: 'IMG_0005.JPG', label: taxa.steppeMouse, score: 0.85 }]]);
    await t.must('review.accept', { target: { mediaIDs: [ids.get('IMG_0005.JPG') as string] } });
    expect(db.prepare("SELECT vernacular_name FROM species WHERE scientific_name = 'Apodemus witherbyi'").pluck().get()).toBe('steppe field mouse');
  });
});
