import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { useTestModels } from '../../support/models.ts';
import { cameraTrapImages, heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

beforeAll(() => {
  useTestModels();
});
afterAll(removeTempDirs);

describe('the grid’s filters', () => {
  it('narrows by date, class, species and whether a person reviewed it', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    await importAndWait(t, heronMedia(), 'dep1');
    await importAndWait(t, cameraTrapImages(), 'dep1');
    await detectAndWait(t, {}, undefined, 'cpu');
    const total = async (f: Record<string, unknown>) => (await t.must('media.page', f)).total;
    expect(await total({})).toBe(18);
    expect(await total({ from: '2021-04-11', to: '2021-04-11' })).toBe(10);
    const all = (await t.must('media.page', { limit: 100 })).items;
    expect(await total({ to: '2020-12-31' })).toBe(all.filter((m) => m.timestamp < '2021').length);
    expect(await total({ category: 'person' })).toBeGreaterThanOrEqual(1);
    expect((await t.must('media.page', { category: 'person' })).items.map((m) => m.fileName)).toContain('human.jpg');
    expect((await t.must('media.page', { category: 'vehicle' })).items.map((m) => m.fileName)).toContain('vehicle.jpg');
    expect(await total({ category: 'animal', threshold: 0.99 })).toBe(0);
    await t.must('species.add', { scientificName: 'Ardea' });
    expect(await total({ reviewed: true })).toBe(0);
    await t.must('review.label', { target: { deploymentID: 'dep1', sequenceNo: (await t.must('media.page', { from: '2021-04-11' })).items[0]?.sequenceNo ?? 0 }, scientificName: 'Ardea' });
    expect(await total({ scientificName: 'Ardea' })).toBe(10);
    expect(await total({ reviewed: true })).toBe(10);
    expect(await total({ reviewed: false })).toBe(8);
    expect(await t.call('media.page', { from: '11/04/2021' })).toMatchObject({ ok: false, error: { code: 'invalid-input', says: { key: 'day-not-valid' } } });
  });
});
