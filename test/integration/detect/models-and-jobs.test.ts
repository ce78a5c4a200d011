import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo, JobProgress } from '../../../electron/backend/detect/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { detectionCounts } from '../../support/detection-invariants.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeCard } from '../../support/make-card.ts';
import { useTestModels } from '../../support/models.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

let models = '';
beforeAll(() => {
  models = useTestModels();
});
afterAll(removeTempDirs);

describe('model packages', () => {
  it('lists a package whose file is missing or whose manifest is broken, saying what is wrong', async () => {
    fs.mkdirSync(path.join(models, 'half-copied'));
    fs.writeFileSync(path.join(models, 'half-copied', 'manifest.json'), '{"id": "half-copied"');
    const md = path.join(models, 'mdv5a');
    fs.mkdirSync(md);
    fs.copyFileSync('resources/models/mdv5a/manifest.json', path.join(md, 'manifest.json'));
    const t = testBackend();
    const list = await t.must('models.list', {});
    expect(list.find((m) => m.id === 'half-copied')).toMatchObject({ available: false, problem: expect.stringMatching(/not valid JSON/) });
    expect(list.find((m) => m.id === 'mdv5a')).toMatchObject({ available: false, defaultThreshold: 0.2, problem: expect.stringMatching(/md_v5a.0.0.onnx is missing: run npm run fetch:models/) });
    // The development detector is marked as such, so the app can warn that it is no camera-trap model.
    expect(list.find((m) => m.id === 'nanodet-m-416')).toMatchObject({ available: true, development: true });
    expect(list.find((m) => m.id === 'mdv5a')).toMatchObject({ development: false });
    await t.must('library.create', { path: path.join(tempDir(), 'library') });
    expect(await t.call('detect.start', { modelID: 'mdv5a' })).toMatchObject({ ok: false, error: { code: 'not-found', says: { key: 'model-unusable', values: { model: 'mdv5a' } } } });
    fs.rmSync(path.join(models, 'half-copied'), { recursive: true });
    fs.rmSync(md, { recursive: true });
  });
});

describe('a detection job', () => {
  it('can be paused, resumed and cancelled, keeping its results', async () => {
    const work = tempDir();
    makeCard(path.join(work, 'card'), 120);
    const t = testBackend();
    const library = path.join(work, 'library');
    await libraryWithDeployment(t, library);
    await importAndWait(t, path.join(work, 'card'), 'dep1');
    const events: (JobInfo | JobProgress)[] = [];
    const next = (pred: (e: JobInfo | JobProgress) => boolean) =>
      new Promise<JobInfo | JobProgress>((resolve) => {
        const stop = t.backend.subscribe((name, payload) => {
          if (name !== 'detect.progress' && name !== 'detect.finished') return;
          events.push(payload as JobInfo);
          if (pred(payload as JobInfo)) {
            stop();
            resolve(payload as JobInfo);
          }
        });
      });
    const job = await t.must('detect.start', { scope: { deploymentID: 'dep1', onlyUnprocessed: true }, runner: 'cpu' });
    expect(job).toMatchObject({ runnerReason: 'You chose the embedded CPU detector.', runnerReasonSays: [{ key: 'runner-cpu-chosen' }] });
    await next((e) => e.done >= 10);
    const paused = next((e) => 'modelID' in e && e.state === 'paused');
    await t.must('detect.pause', { runId: job.runId });
    const atPause = (await paused) as JobInfo;
    expect(atPause.done).toBeLessThan(120);
    expect(atPause).toMatchObject({ message: 'Paused. Resume to go on where it stopped.', messageSays: [{ key: 'job-paused' }] });
    await new Promise((r) => setTimeout(r, 300));
    expect(detectionCounts(library, job.runId).results).toBe(atPause.done);

    await t.must('detect.resume', { runId: job.runId });
    await next((e) => e.done >= atPause.done + 10);
    const cancelled = next((e) => 'modelID' in e && e.state === 'cancelled');
    await t.must('detect.cancel', { runId: job.runId });
    const end = (await cancelled) as JobInfo;
    expect(end.done).toBeLessThan(120);
    expect(end.messageSays).toEqual([{ key: 'job-cancelled' }]);
    expect((await t.must('tasks.list', {})).find((task) => task.id === `detection:${job.runId}`)).toMatchObject({ state: 'cancelled', says: [{ key: 'job-cancelled' }] });
    expect(await t.call('detect.resume', { runId: job.runId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const counts = detectionCounts(library, job.runId);
    expect(counts.results).toBe(counts.distinctResults);

    // A new job takes only what the cancelled one left.
    const rest = await t.must('detect.start', { scope: { deploymentID: 'dep1', onlyUnprocessed: true } });
    expect(rest.total).toBe(120 - end.done);
    await t.must('detect.cancel', { runId: rest.runId });
  }, 120_000);
});
