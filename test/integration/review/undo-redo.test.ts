import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('undo and redo of review actions', () => {
  it('redoes what was undone, across a restart, and forgets it once something new is done', async () => {
    const library = path.join(tempDir(), 'library');
    const t = testBackend();
    await libraryWithDeployment(t, library);
    await importAndWait(t, heronMedia(), 'dep1');
    await t.must('species.add', { scientificName: 'Ardea cinerea', vernacularName: 'grey heron' });
    await t.must('species.add', { scientificName: 'Vulpes vulpes', vernacularName: 'red fox' });
    const first = (await t.must('media.page', {})).items[0];
    if (!first) throw new Error('no media');
    const names = async (tb = t) => (await tb.must('review.observations', { mediaID: first.mediaID })).map((o) => o.scientificName);

    expect(await t.must('review.history', {})).toEqual({ undo: null, redo: null });
    await t.must('review.label', { target: { deploymentID: 'dep1', sequenceNo: 1 }, scientificName: 'Ardea cinerea' });
    await t.must('review.label', { target: { mediaIDs: [first.mediaID] }, scientificName: 'Vulpes vulpes', count: 2 });
    expect(await names()).toEqual(['Vulpes vulpes']);
    expect(await t.must('review.history', {})).toMatchObject({ undo: { scientificName: 'Vulpes vulpes', media: 1 }, redo: null });

    expect(await t.must('review.undo', {})).toMatchObject({ scientificName: 'Vulpes vulpes' });
    expect(await t.must('review.undo', {})).toMatchObject({ scientificName: 'Ardea cinerea', media: 10 });
    expect(await names()).toEqual([]);
    expect(await t.must('review.history', {})).toMatchObject({ undo: null, redo: { scientificName: 'Ardea cinerea' } });

    // Redo in the order things were undone, also after a restart.
    t.backend.close();
    const again = testBackend();
    await again.must('library.open', { path: library });
    expect(await again.must('review.redo', {})).toMatchObject({ scientificName: 'Ardea cinerea', media: 10 });
    expect(await names(again)).toEqual(['Ardea cinerea']);
    expect(await again.must('review.redo', {})).toMatchObject({ scientificName: 'Vulpes vulpes', media: 1 });
    expect(await names(again)).toEqual(['Vulpes vulpes']);
    expect(await again.must('review.redo', {})).toBeNull();

    // Undo, then a new label: the undone action can no longer be redone, and undo says so truly.
    await again.must('review.undo', {});
    expect(await names(again)).toEqual(['Ardea cinerea']);
    await again.must('review.markEmpty', { target: { mediaIDs: [first.mediaID] } });
    expect(await again.must('review.history', {})).toMatchObject({ undo: { kind: 'empty' }, redo: null });
    expect(await again.must('review.redo', {})).toBeNull();
    expect(await again.must('review.undo', {})).toMatchObject({ kind: 'empty' });
    expect(await names(again)).toEqual(['Ardea cinerea']);
    expect(await again.must('review.undo', {})).toMatchObject({ scientificName: 'Ardea cinerea' });
    expect(await again.must('review.undo', {})).toBeNull();
    expect(await again.must('review.history', {})).toMatchObject({ undo: null, redo: { kind: 'label' } });
  });
});
