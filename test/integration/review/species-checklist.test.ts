import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('the species checklist in a library', () => {
  it('lets a fresh library find checklist species by common or scientific name, in any language, without accents', async () => {
    const t = testBackend();
    await t.must('library.create', { path: path.join(tempDir(), 'library') });
    expect(await t.must('species.list', {})).toEqual([]);
    const leopard = await t.must('species.list', { query: 'leopard' });
    expect(leopard[0]).toEqual({ scientificName: 'Panthera pardus', vernacularName: 'Leopard', origin: 'checklist', taxonRank: 'species', inChecklist: true });
    expect(leopard.map((s) => s.scientificName)).toEqual(expect.arrayContaining(['Panthera uncia', 'Neofelis nebulosa', 'Prionailurus bengalensis']));
    expect((await t.must('species.list', { query: 'pardus' })).map((s) => s.scientificName)).toContain('Panthera pardus');
    expect((await t.must('species.list', { query: 'leopardo', language: 'es' }))[0]).toMatchObject({ scientificName: 'Panthera pardus', vernacularName: 'Leopardo' });
    expect((await t.must('species.list', { query: 'jabali', language: 'es' }))[0]).toMatchObject({ scientificName: 'Sus scrofa', vernacularName: 'Jabalí' });
    expect((await t.must('species.list', { query: 'JABALÍ' }))[0]).toMatchObject({ scientificName: 'Sus scrofa', vernacularName: 'Wild boar' });
    expect((await t.must('species.list', { query: 'macan tutul', language: 'id' }))[0]).toMatchObject({ scientificName: 'Panthera pardus', vernacularName: 'Macan tutul' });
    expect((await t.must('species.list', { query: 'felidae' }))[0]).toMatchObject({ scientificName: 'Felidae', taxonRank: 'family' });
    expect(await t.must('species.list', { query: 'leopard', scope: 'library' })).toEqual([]);
    expect(await t.must('species.list', { query: 'leopard', limit: 3 })).toHaveLength(3);

    const started = performance.now();
    for (const q of ['a', 'deer', 'red fox', 'zorro', '鹿']) await t.must('species.list', { query: q, limit: 20 });
    console.log(`species.list over the checklist: ${((performance.now() - started) / 5).toFixed(2)} ms per search`);
  });

  it('lists the user’s own species first and keeps them apart from the checklist', async () => {
    const t = testBackend();
    await t.must('library.create', { path: path.join(tempDir(), 'library') });
    await t.must('species.add', { scientificName: 'Panthera pardus orientalis', vernacularName: 'Amur leopard' });
    await t.must('species.add', { scientificName: 'Felis catus', vernacularName: 'our cat' });
    const found = await t.must('species.list', { query: 'leopard' });
    expect(found[0]).toEqual({ scientificName: 'Panthera pardus orientalis', vernacularName: 'Amur leopard', origin: 'library', taxonRank: null, inChecklist: false });
    expect(found[1]).toMatchObject({ scientificName: 'Panthera pardus', origin: 'checklist' });
    // A listed checklist species is found by the checklist's names too, and only once.
    const cats = await t.must('species.list', { query: 'chat domestique' });
    expect(cats).toEqual([{ scientificName: 'Felis catus', vernacularName: 'our cat', origin: 'library', taxonRank: 'species', inChecklist: true }]);
    expect((await t.must('species.list', { query: 'cat' })).filter((s) => s.scientificName === 'Felis catus')).toHaveLength(1);
    expect((await t.must('species.list', {})).map((s) => [s.scientificName, s.origin])).toEqual([
      ['Felis catus', 'library'],
      ['Panthera pardus orientalis', 'library'],
    ]);
    await t.must('species.update', { scientificName: 'Panthera pardus orientalis', vernacularName: 'Far Eastern leopard' });
    await t.must('species.remove', { scientificName: 'Felis catus' });
    expect(await t.must('species.list', { query: 'far eastern', scope: 'library' })).toEqual([
      { scientificName: 'Panthera pardus orientalis', vernacularName: 'Far Eastern leopard', origin: 'library', taxonRank: null, inChecklist: false },
    ]);
  });

  it('labels with a checklist species once it is ensured on the list, in the labeller’s language', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    expect(await t.call('review.label', { target: { deploymentID: 'dep1', sequenceNo: 1 }, scientificName: 'Ardea cinerea' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await t.must('species.ensure', { scientificName: 'Ardea cinerea', language: 'fr' })).toEqual({ scientificName: 'Ardea cinerea', vernacularName: 'Héron cendré' });
    // Twice is harmless, and a name edited on the list stays edited.
    await t.must('species.update', { scientificName: 'Ardea cinerea', vernacularName: 'héron' });
    expect(await t.must('species.ensure', { scientificName: 'Ardea cinerea' })).toEqual({ scientificName: 'Ardea cinerea', vernacularName: 'héron' });
    await t.must('review.label', { target: { deploymentID: 'dep1', sequenceNo: 1 }, scientificName: 'Ardea cinerea' });
    const first = (await t.must('media.page', {})).items[0];
    if (!first) throw new Error('no media');
    expect(await t.must('review.observations', { mediaID: first.mediaID })).toEqual([expect.objectContaining({ scientificName: 'Ardea cinerea', vernacularName: 'héron' })]);
    expect((await t.must('species.list', { query: 'heron' }))[0]).toMatchObject({ scientificName: 'Ardea cinerea', origin: 'library' });
    expect(await t.call('species.ensure', { scientificName: 'Nonexistus imaginarius' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: "Nonexistus imaginarius is neither on this library's species list nor in the built-in checklist: add it as a new species first.", says: { key: 'species-unknown' } },
    });
  });
});
