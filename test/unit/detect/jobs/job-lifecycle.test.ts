import { afterAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../../../electron/backend/detect/contract.ts';
import { jobTransitions, ownedElsewhere, refusal, transition } from '../../../../electron/backend/detect/jobs/job-lifecycle.ts';
import { createJob, getJob, jobRow } from '../../../../electron/backend/detect/jobs/job-store.ts';
import { modelManifestSchema } from '../../../../electron/backend/detect/model-manifest.ts';
import manifestJson from '../../../../resources/models/nanodet-m-416/manifest.json' with { type: 'json' };
import { syntheticLibrary } from '../../../support/synthetic-library.ts';
import { removeTempDirs } from '../../../support/temp-dir.ts';

afterAll(removeTempDirs);
const manifest = modelManifestSchema.parse(manifestJson);
const states = Object.keys(jobTransitions) as JobState[];

describe('the job lifecycle: one table, one function that checks and records', () => {
  it('ends for good in done and cancelled, and never pauses a paused job', () => {
    for (const to of states) {
      expect(refusal({ runId: 1, state: 'done', ownerPid: null }, to)?.says).toEqual({ key: 'job-ended-done', values: { runId: 1 } });
      expect(refusal({ runId: 1, state: 'cancelled', ownerPid: null }, to)?.code).toBe('conflict');
    }
    expect(refusal({ runId: 2, state: 'paused', ownerPid: null }, 'paused')).toMatchObject({ says: { key: 'job-cannot-pause', values: { runId: 2 } }, message: 'Detection job 2 cannot be paused now: it is not running.' });
    expect(refusal({ runId: 2, state: 'failed', ownerPid: null }, 'running')).toBeNull();
  });

  it('leaves a job running in another live process to that process, but lets it be cancelled', () => {
    const elsewhere = { runId: 3, state: 'running' as const, ownerPid: 4242 };
    const alive = (): boolean => true;
    expect(ownedElsewhere(elsewhere, 1, alive)).toBe(true);
    expect(ownedElsewhere(elsewhere, 4242, alive)).toBe(false);
    expect(ownedElsewhere({ ...elsewhere, state: 'paused' }, 1, alive)).toBe(false);
    expect(refusal(elsewhere, 'running', alive)).toMatchObject({ code: 'busy', message: expect.stringMatching(/another Camtrap Station process \(pid 4242\)/) });
    expect(refusal(elsewhere, 'paused', alive)?.code).toBe('busy');
    expect(refusal(elsewhere, 'cancelled', alive)).toBeNull();
    expect(refusal(elsewhere, 'running', () => false)).toBeNull();
  });

  it('records who runs a job, when it started and when it ended', () => {
    const library = syntheticLibrary(3);
    const job = createJob(library.db, manifest, { onlyUnprocessed: true }, { name: 'cpu', says: [{ key: 'runner-cpu-chosen' }] });
    expect(job).toMatchObject({ state: 'queued', total: 3, startedAt: null, runnerReason: 'You chose the embedded CPU detector.', runnerReasonSays: [{ key: 'runner-cpu-chosen' }] });
    transition(library.db, job.runId, 'running');
    expect(jobRow(library.db, job.runId)).toMatchObject({ state: 'running', ownerPid: process.pid, startedAt: expect.any(String), endedAt: null });
    transition(library.db, job.runId, 'paused', [{ key: 'job-paused' }]);
    expect(() => transition(library.db, job.runId, 'paused')).toThrow(/cannot be paused now/);
    transition(library.db, job.runId, 'cancelled', [{ key: 'job-cancelled' }]);
    expect(jobRow(library.db, job.runId)).toMatchObject({ state: 'cancelled', endedAt: expect.any(String) });
    expect(getJob(library.db, job.runId)).toMatchObject({ message: 'Cancelled. Results so far are kept.', messageSays: [{ key: 'job-cancelled' }] });
    expect(() => transition(library.db, job.runId, 'running')).toThrow(/has ended \(cancelled\)/);
    library.close();
  });
});
