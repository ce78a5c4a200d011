import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('independent events in a date range', () => {
  it('counts pictures closer than the interval once, and only the events that start in the range', async () => {
    const work = tempDir();
    const card = path.join(work, 'card');
    fs.mkdirSync(card);
    // Pictures of a fox on three days: two 10 minutes apart, then 2 hours later, then next day.
    const times = ['2022-06-01T10:00:00', '2022-06-01T10:10:00', '2022-06-01T12:10:00', '2022-06-02T03:00:00', '2022-06-05T23:30:00'];
    for (const [i, t] of times.entries()) {
      const file = path.join(card, `IMG${i}.JPG`);
      fs.writeFileSync(file, await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: i * 50, g: 10, b: 10 } } }).jpeg().toBuffer());
      fs.utimesSync(file, new Date(t), new Date(t));
    }
    const t = testBackend();
    await libraryWithDeployment(t, path.join(work, 'library'));
    await importAndWait(t, card, 'dep1');
    await t.must('species.add', { scientificName: 'Vulpes vulpes', vernacularName: 'red fox' });
    const media = (await t.must('media.page', {})).items.map((m) => m.mediaID);
    await t.must('review.label', { target: { mediaIDs: media }, scientificName: 'Vulpes vulpes' });
    const events = async (from?: string, to?: string) => (await t.must('map.activity', { taxon: 'species:Vulpes vulpes', from, to })).stations[0]?.events;
    expect(await events()).toBe(4);
    expect(await events('2022-06-01', '2022-06-01')).toBe(2);
    expect(await events('2022-06-02', '2022-06-04')).toBe(1);
    expect(await events('2022-06-06', '2022-06-30')).toBe(0);
    expect(await events('2022-05-01', '2022-05-31')).toBe(0);
    const detail = await t.must('map.station', { locationID: 'loc1', taxon: 'species:Vulpes vulpes' });
    expect(detail.diel.map((n, hour) => [hour, n]).filter(([, n]) => n)).toEqual([
      [3, 1],
      [10, 1],
      [12, 1],
      [23, 1],
    ]);
    await t.must('analysis.setIndependence', { minutes: 180 });
    expect(await events()).toBe(3);
  });
});
