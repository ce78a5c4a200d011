import { afterAll, describe, expect, it } from 'vitest';
import { predictedLibrary } from './predicted-library.ts';
import { orderBy, predictedFilter } from '../../../electron/backend/library/media-predictions.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('the machine’s species in the grid', () => {
  it('shows each picture’s latest predictions, sorts by species and by uncertainty, and filters by predicted species', async () => {
    const { t } = await predictedLibrary();
    const page = async (input: Record<string, unknown>) => (await t.must('media.page', input)).items;
    const names = (items: Awaited<ReturnType<typeof page>>) => items.map((m) => m.fileName);

    const items = await page({});
    expect(items.map((m) => [m.fileName, m.suggestions])).toEqual([
      ['IMG_0001.JPG', [{ name: 'red fox', scientificName: 'Vulpes vulpes', observationType: 'animal', conf: 0.95 }]],
      ['IMG_0002.JPG', [{ name: 'red fox', scientificName: 'Vulpes vulpes', observationType: 'animal', conf: 0.55 }]],
      ['IMG_0003.JPG', [{ name: 'european roe deer', scientificName: 'Capreolus capreolus', observationType: 'animal', conf: 0.4 }]],
      [
        'IMG_0004.JPG',
        [
          { name: 'european badger', scientificName: 'Meles meles', observationType: 'animal', conf: 0.7 },
          { name: 'red fox', scientificName: 'Vulpes vulpes', observationType: 'animal', conf: 0.6 },
        ],
      ],
      ['IMG_0005.JPG', []],
      ['IMG_0006.JPG', [{ name: null, scientificName: null, observationType: 'blank', conf: 0.8 }]],
    ]);
    // A prediction is not a person's label: nothing is reviewed.
    expect(items.every((m) => !m.reviewed && m.labels.length === 0)).toBe(true);

    // By the name shown for the most certain prediction; pictures without any last, in time order.
    expect(names(await page({ sort: 'predicted' }))).toEqual(['IMG_0006.JPG', 'IMG_0004.JPG', 'IMG_0003.JPG', 'IMG_0001.JPG', 'IMG_0002.JPG', 'IMG_0005.JPG']);
    // The least certain first: a picture counts by its least certain box (IMG_0004: the fox at 60%).
    expect(names(await page({ sort: 'uncertain' }))).toEqual(['IMG_0003.JPG', 'IMG_0002.JPG', 'IMG_0004.JPG', 'IMG_0006.JPG', 'IMG_0001.JPG', 'IMG_0005.JPG']);
    expect(names(await page({ sort: 'uncertain', limit: 2, offset: 1 }))).toEqual(['IMG_0002.JPG', 'IMG_0004.JPG']);

    // The filter reads the latest run only: the boar of the first run is gone, the fox of a box is there.
    expect(await t.must('media.page', { predicted: 'Vulpes vulpes' })).toMatchObject({ total: 3, sequences: 2 });
    expect(names(await page({ predicted: 'Vulpes vulpes', sort: 'uncertain' }))).toEqual(['IMG_0002.JPG', 'IMG_0004.JPG', 'IMG_0001.JPG']);
    expect((await t.must('media.page', { predicted: 'Sus scrofa' })).total).toBe(0);
    expect((await t.must('media.page', { predicted: 'Meles meles', reviewed: false })).total).toBe(1);
    expect(await t.must('review.predictedSpecies', {})).toEqual([
      { scientificName: 'Meles meles', name: 'european badger' },
      { scientificName: 'Capreolus capreolus', name: 'european roe deer' },
      { scientificName: 'Vulpes vulpes', name: 'red fox' },
      { scientificName: 'Sus scrofa', name: 'wild boar' },
    ]);
    expect(await t.call('media.page', { sort: 'newest' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('reads classifications by index, never by scanning them', async () => {
    const { db } = await predictedLibrary();
    for (const sort of ['predicted', 'uncertain'] as const) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT media_pk FROM media WHERE ${predictedFilter} ORDER BY ${orderBy(sort)}`).all({ predicted: 'Vulpes vulpes' }) as { detail: string }[];
      const details = plan.map((p) => p.detail);
      expect(details.some((d) => d.includes('classifications_species'))).toBe(true);
      expect(details.filter((d) => /^SCAN (c|l|k)\b/.test(d))).toEqual([]);
    }
  });
});
