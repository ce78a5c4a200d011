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

describe('species side by side', () => {
  it('counts people’s labels only, or with the detector’s classes above the run threshold; species as the single map counts them', async () => {
    const t = testBackend();
    await t.must('library.create', { path: path.join(tempDir(), 'library') });
    const { location, deployment } = heronDeployment();
    await t.must('location.add', location);
    await t.must('deployment.add', deployment);
    await importAndWait(t, heronMedia(), '62c200a9');
    await t.must('species.add', { scientificName: 'Ardea', vernacularName: 'herons' });
    await t.must('review.label', { target: { deploymentID: '62c200a9', sequenceNo: 1 }, scientificName: 'Ardea', count: 1 });
    const job = await detectAndWait(t, {}, undefined, 'cpu');
    const { db } = t.backend.requireLibrary();
    const { threshold } = db.prepare('SELECT default_threshold AS threshold FROM detection_runs WHERE run_id = ?').get(job.runId) as { threshold: number };

    // The machine's species follow the library's one switch (machine-species.test.ts), not this toggle.
    const taxa = ['species:Ardea', 'species:Vulpes vulpes', 'class:animal'];
    const events = (r: { panels: { taxon: string; stations: { events: number }[] }[] }) => r.panels.map((p) => [p.taxon, p.stations[0]?.events]);
    const people = await t.must('map.multiples', { taxa, withDetector: false });
    expect(events(people)).toEqual([
      ['species:Ardea', 1],
      ['species:Vulpes vulpes', 0],
      ['class:animal', 0],
    ]);
    expect(people.machineSpecies).toEqual({ include: false, threshold: 0.8 });
    const machine = await t.must('map.multiples', { taxa, withDetector: true });
    expect(machine.thresholds).toEqual([threshold]);
    // The heron's pictures are one event of the species and one of the detector's animals.
    expect(events(machine)).toEqual([
      ['species:Ardea', 1],
      ['species:Vulpes vulpes', 0],
      ['class:animal', 1],
    ]);
    expect(machine.panels[0]?.stations[0]).toMatchObject({ trapNights: 22.03, rai: 4.54 });

    // A picture a person marks empty counts for nothing, whatever the detector found.
    await t.must('review.markEmpty', { target: { deploymentID: '62c200a9', sequenceNo: 1 } });
    expect(events(await t.must('map.multiples', { taxa: ['class:animal'], withDetector: true }))).toEqual([['class:animal', 0]]);
    expect((await t.call('map.multiples', { taxa: [...taxa, 'class:person', 'class:vehicle'], withDetector: true })).ok).toBe(false);
  }, 60_000);
});
