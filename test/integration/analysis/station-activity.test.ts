import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { detectAndWait } from '../../support/detect-and-wait.ts';
import { heronDeployment } from '../../support/heron-deployment.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { useTestModels } from '../../support/models.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

beforeAll(() => {
  useTestModels();
});
afterAll(removeTempDirs);

describe('species activity at the stations', () => {
  it('counts independent events per 100 trap nights, by hour of the night, from labels and from the detector', async () => {
    const t = testBackend();
    await t.must('library.create', { path: path.join(tempDir(), 'library') });
    const { location, deployment } = heronDeployment();
    await t.must('location.add', location);
    await t.must('deployment.add', deployment);
    await importAndWait(t, heronMedia(), '62c200a9');
    await t.must('species.add', { scientificName: 'Ardea', vernacularName: 'herons' });

    expect((await t.must('map.activity', { taxon: 'species:Ardea' })).stations[0]).toMatchObject({ events: 0, rai: 0 });
    await t.must('review.label', { target: { deploymentID: '62c200a9', sequenceNo: 1 }, scientificName: 'Ardea', count: 1 });
    const map = await t.must('map.activity', { taxon: 'species:Ardea' });
    expect(map.taxa).toEqual(['species:Ardea']);
    expect(map.independenceMinutes).toBe(30);
    // 2021-03-27 21:38:18 to 2021-04-18 22:25:00: 22.03 trap nights, one event of ten pictures.
    expect(map.stations).toEqual([
      { locationID: location.locationID, locationName: location.locationName, latitude: 50.699, longitude: 4.013, deployments: 1, trapNights: 22.03, events: 1, rai: 4.54 },
    ]);
    const detail = await t.must('map.station', { locationID: location.locationID, taxon: 'species:Ardea' });
    expect(detail.diel[20]).toBe(1);
    expect(detail.diel.reduce((a, b) => a + b, 0)).toBe(1);
    expect(detail.overTime).toEqual([{ month: '2021-04', events: 1 }]);
    expect(detail.latestMediaIDs).toHaveLength(1);
    expect(detail.eventsByTaxon).toEqual([{ taxon: 'species:Ardea', events: 1 }]);
    // Outside the date range there is nothing, and less effort.
    expect((await t.must('map.activity', { taxon: 'species:Ardea', from: '2021-04-12', to: '2021-04-30' })).stations[0]).toMatchObject({ events: 0, trapNights: 6.93 });

    // The detector's animals become events too, once its job has run.
    await detectAndWait(t, {}, undefined, 'cpu');
    expect((await t.must('map.activity', { taxon: 'class:animal' })).stations[0]?.events).toBe(1);
    // Pictures a person marks empty count for nothing, whatever the detector saw; undo brings them back.
    await t.must('review.markEmpty', { target: { deploymentID: '62c200a9', sequenceNo: 1 } });
    expect((await t.must('map.activity', { taxon: 'class:animal' })).stations[0]?.events).toBe(0);
    expect((await t.must('map.activity', { taxon: 'species:Ardea' })).stations[0]?.events).toBe(0);
    await t.must('review.undo', {});
    expect((await t.must('map.activity', { taxon: 'class:animal' })).stations[0]?.events).toBe(1);

    // A shorter independence interval recomputes every event; six seconds of pictures stay one event.
    await t.must('analysis.setIndependence', { minutes: 1 });
    expect((await t.must('map.activity', { taxon: 'species:Ardea' })).stations[0]?.events).toBe(1);
    // Undoing the label takes the event away.
    await t.must('review.undo', {});
    expect((await t.must('map.activity', { taxon: 'species:Ardea' })).stations[0]?.events).toBe(0);
  }, 60_000);
});
