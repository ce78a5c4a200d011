import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('reviewing what was found', () => {
  it('labels a sequence with a species, persists it across a restart, and undoes it', async () => {
    const work = tempDir();
    const library = path.join(work, 'library');
    const t = testBackend();
    await libraryWithDeployment(t, library);
    await importAndWait(t, heronMedia(), 'dep1');
    const csv = path.join(work, 'species.csv');
    fs.writeFileSync(csv, 'scientificName,vernacularName\nArdea,herons\nArdea cinerea,grey heron\n"Vulpes vulpes","red fox, common fox"\n,\n');
    expect(await t.must('species.importCsv', { file: csv })).toEqual({ added: 3, updated: 0, skipped: 1 });
    expect((await t.must('species.list', { query: 'fox', scope: 'library' })).map((s) => s.scientificName)).toEqual(['Vulpes vulpes']);
    expect((await t.must('species.list', { query: 'ard', scope: 'library' })).map((s) => s.scientificName)).toEqual(['Ardea', 'Ardea cinerea']);
    expect((await t.must('species.list', { query: 'heron', scope: 'library' })).map((s) => s.scientificName)).toEqual(['Ardea cinerea', 'Ardea']);
    // Without a scope, the checklist's foxes follow the library's own.
    expect((await t.must('species.list', { query: 'fox' })).map((s) => s.origin).slice(0, 2)).toEqual(['library', 'checklist']);

    const labelled = await t.must('review.label', { target: { deploymentID: 'dep1', sequenceNo: 1 }, scientificName: 'Ardea', count: 1, classifiedBy: 'tester' });
    expect(labelled).toMatchObject({ kind: 'label', media: 10, summary: 'Labelled Ardea' });
    const first = (await t.must('media.page', {})).items[0];
    if (!first) throw new Error('no media');
    expect(await t.must('review.observations', { mediaID: first.mediaID })).toEqual([
      expect.objectContaining({ scientificName: 'Ardea', vernacularName: 'herons', count: 1, classificationMethod: 'human', classifiedBy: 'tester', observationType: 'animal' }),
    ]);
    // A second label on one image replaces the first there only.
    await t.must('review.label', { target: { mediaIDs: [first.mediaID] }, scientificName: 'Ardea cinerea', count: 2 });
    expect((await t.must('review.observations', { mediaID: first.mediaID })).map((o) => o.scientificName)).toEqual(['Ardea cinerea']);

    // A restart: the labels and the undo history are in the library.
    t.backend.close();
    const again = testBackend();
    await again.must('library.open', { path: library });
    expect((await again.must('review.observations', { mediaID: first.mediaID })).map((o) => o.scientificName)).toEqual(['Ardea cinerea']);
    expect(await again.must('review.undo', {})).toMatchObject({ summary: 'Labelled Ardea cinerea', media: 1 });
    expect((await again.must('review.observations', { mediaID: first.mediaID })).map((o) => o.scientificName)).toEqual(['Ardea']);
    expect(await again.must('review.undo', {})).toMatchObject({ summary: 'Labelled Ardea', media: 10 });
    expect(await again.must('review.observations', { mediaID: first.mediaID })).toEqual([]);
    expect(await again.must('review.undo', {})).toBeNull();
  });

  it('refuses labels it cannot keep, in plain words', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    expect(await t.call('review.label', { target: { deploymentID: 'dep1', sequenceNo: 1 }, scientificName: 'Canis lupus' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: "Canis lupus is not in the library's species list: add it first." },
    });
    expect(await t.call('review.label', { target: { deploymentID: 'dep1', sequenceNo: 7 } })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'Deployment dep1 has no sequence 7.' } });
    expect(await t.call('review.label', { target: { mediaIDs: [] } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('species.add', { scientificName: 'A' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await t.must('species.add', { scientificName: 'Ardea', vernacularName: 'herons' });
    expect(await t.call('species.add', { scientificName: 'Ardea' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.call('species.importCsv', { file: '/nonexistent.csv' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await t.must('species.update', { scientificName: 'Ardea', vernacularName: 'grey herons' })).toEqual({ scientificName: 'Ardea', vernacularName: 'grey herons' });
    await t.must('review.label', { target: { deploymentID: 'dep1', sequenceNo: 1 }, scientificName: 'Ardea' });
    expect(await t.call('species.remove', { scientificName: 'Ardea' })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Ardea is used by 10 labels: relabel them first.' } });
    await t.must('species.add', { scientificName: 'Vulpes vulpes' });
    await t.must('species.remove', { scientificName: 'Vulpes vulpes' });
    expect((await t.must('species.list', {})).map((s) => s.scientificName)).toEqual(['Ardea']);
  });
});
