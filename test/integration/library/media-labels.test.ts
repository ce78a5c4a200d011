import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('what the grid tiles say about review', () => {
  it('gives each picture its labels (common names where known, commas kept) and whether a person reviewed it', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    const [first, second, third] = (await t.must('media.page', {})).items;
    if (!first || !second || !third) throw new Error('no media');
    expect(first).toMatchObject({ labels: [], reviewed: false });
    await t.must('species.add', { scientificName: 'Ardea cinerea', vernacularName: 'Heron, grey' });
    await t.must('species.add', { scientificName: 'Vulpes vulpes' });
    await t.must('review.label', { target: { mediaIDs: [first.mediaID] }, scientificName: 'Ardea cinerea' });
    await t.must('review.label', { target: { mediaIDs: [second.mediaID] }, scientificName: 'Vulpes vulpes' });
    await t.must('review.markEmpty', { target: { mediaIDs: [third.mediaID] } });
    const items = (await t.must('media.page', {})).items;
    expect(items.find((m) => m.mediaID === first.mediaID)).toMatchObject({ labels: ['Heron, grey'], reviewed: true });
    expect(items.find((m) => m.mediaID === second.mediaID)).toMatchObject({ labels: ['Vulpes vulpes'], reviewed: true });
    expect(items.find((m) => m.mediaID === third.mediaID)).toMatchObject({ labels: [], reviewed: true });
  });
});
