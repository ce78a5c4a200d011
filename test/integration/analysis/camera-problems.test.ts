import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { englishFor } from '../../../electron/backend/rpc/messages.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';
import { libraryWithMedia } from '../exchange/results-library.ts';

afterAll(removeTempDirs);

const station = {
  locationID: 'pond',
  name: 'Pond',
  latitude: 50.7,
  longitude: 4.0,
  deployments: [{ deploymentID: 'dep1', start: '2024-03-01T12:00:00+01:00', end: '2024-03-11T12:00:00+01:00' }],
};

async function library() {
  const t = testBackend();
  await libraryWithMedia(t, [], [station]);
  return t;
}

const nights = async (t: Awaited<ReturnType<typeof library>>) => (await t.must('effort.report', {})).deployments[0];

describe('camera problem periods', () => {
  it('are added, changed and removed, and effort leaves them out to the hour', async () => {
    const t = await library();
    expect(await nights(t)).toMatchObject({ rule: 'times', calendarDays: 11, trapNights: 10, problems: 0 });
    const [added] = await t.must('effort.addProblem', { deploymentID: 'dep1', from: '2024-03-05 06:00', to: '2024-03-06T18:00', reason: 'Card full' });
    expect(added).toMatchObject({ deploymentID: 'dep1', from: '2024-03-05 06:00:00', to: '2024-03-06 18:00:00', reason: 'Card full' });
    expect(await nights(t)).toMatchObject({ trapNights: 8.5, activeDays: 11, problems: 1 });
    // Whole days: from the start of the first to the end of the last.
    await t.must('effort.updateProblem', { problemID: added?.problemID ?? 0, from: '2024-03-05', to: '2024-03-06', reason: null });
    expect(await nights(t)).toMatchObject({ trapNights: 8, activeDays: 9, inactiveDays: 2 });
    const second = await t.must('effort.addProblem', { deploymentID: 'dep1', from: '2024-03-09', to: '2024-03-11' });
    expect(second.map((p) => [p.from, p.to])).toEqual([
      ['2024-03-05', '2024-03-06'],
      ['2024-03-09', '2024-03-11'],
    ]);
    // To the retrieval at noon: 2.5 days more.
    expect(await nights(t)).toMatchObject({ trapNights: 5.5 });
    expect(await t.must('effort.removeProblem', { problemID: added?.problemID ?? 0 })).toHaveLength(1);
    expect(await nights(t)).toMatchObject({ trapNights: 7.5, problems: 1 });
  });

  it('refuses a problem outside the deployment or ending before it starts, in plain words', async () => {
    const t = await library();
    const outside = await t.call('effort.addProblem', { deploymentID: 'dep1', from: '2024-02-25', to: '2024-03-02' });
    expect(outside).toMatchObject({
      ok: false,
      error: { message: 'A camera problem from 2024-02-25 to 2024-03-02 lies outside the deployment (2024-03-01 12:00:00 to 2024-03-11 12:00:00): correct the problem dates so they fall between setup and retrieval.' },
    });
    expect(await t.call('effort.addProblem', { deploymentID: 'dep1', from: '2024-03-06', to: '2024-03-05' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/ends \(2024-03-05\) before it starts/) } });
    expect(await t.call('effort.addProblem', { deploymentID: 'dep1', from: 'next tuesday', to: '2024-03-05' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('effort.removeProblem', { problemID: 999 })).toMatchObject({ ok: false, error: { message: englishFor('camera-problem-not-found') } });
    expect(await t.must('effort.problems', { deploymentID: 'dep1' })).toEqual([]);
  });

  it('keep a deployment from being shortened past them, and go with the deployment', async () => {
    const t = await library();
    await t.must('effort.addProblem', { deploymentID: 'dep1', from: '2024-03-09', to: '2024-03-10' });
    expect(await t.call('deployment.update', { deploymentID: 'dep1', deploymentEnd: '2024-03-08T12:00:00+01:00' })).toMatchObject({
      ok: false,
      error: { message: 'These dates leave out a camera problem of deployment dep1: change or remove the problem first, then the dates.' },
    });
    await t.must('deployment.delete', { deploymentID: 'dep1' });
    expect(t.backend.requireLibrary().db.prepare('SELECT COUNT(*) FROM camera_problems').pluck().get()).toBe(0);
  });

  it('make detection-history occasions the camera was out for whole NA, as camtrapR does', async () => {
    const t = await library();
    await t.must('effort.addProblem', { deploymentID: 'dep1', from: '2024-03-04', to: '2024-03-06' });
    const folder = tempDir();
    const written = await t.must('activity.exportDetectionHistory', { taxon: 'class:animal', occasionDays: 1, folder });
    expect(fs.readFileSync(written.file, 'utf8').split('\n')[1]).toBe('Pond,0,0,0,NA,NA,NA,0,0,0,0,0');
  });

  it('count a deployment entered by dates only the camtrapR way, and say so', async () => {
    const t = await library();
    await t.must('deployment.update', { deploymentID: 'dep1', deploymentStart: '2024-03-01T00:00:00+01:00', deploymentEnd: '2024-03-11T23:59:59+01:00', datesOnly: true });
    await t.must('effort.addProblem', { deploymentID: 'dep1', from: '2024-03-05', to: '2024-03-06' });
    expect(await nights(t)).toMatchObject({ rule: 'dates', calendarDays: 11, activeDays: 9, trapNights: 8 });
  });
});
