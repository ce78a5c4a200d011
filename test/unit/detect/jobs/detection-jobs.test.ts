import { afterAll, describe, expect, it } from 'vitest';
import type { JobInfo, JobProgress } from '../../../../electron/backend/detect/contract.ts';
import type { ModelPackage } from '../../../../electron/backend/detect/find-models.ts';
import { DetectionJobs } from '../../../../electron/backend/detect/jobs/detection-jobs.ts';
import { getJob } from '../../../../electron/backend/detect/jobs/job-store.ts';
import { mediaDetections } from '../../../../electron/backend/detect/media-detections.ts';
import { modelManifestSchema } from '../../../../electron/backend/detect/model-manifest.ts';
import type { Runner, RunnerCallbacks, RunnerJob } from '../../../../electron/backend/detect/runners/runner.ts';
import { explainGpuFailure } from '../../../../electron/backend/engine/engine-status.ts';
import type { EngineStatusWithDocker } from '../../../../electron/backend/engine/engine.ts';
import type { LibraryAccess } from '../../../../electron/backend/library/library-session.ts';
import type { Library } from '../../../../electron/backend/library/open-library.ts';
import type { TaskInfo } from '../../../../electron/backend/tasks/contract.ts';
import { TaskRegistry } from '../../../../electron/backend/tasks/task-registry.ts';
import manifestJson from '../../../../resources/models/nanodet-m-416/manifest.json' with { type: 'json' };
import { syntheticLibrary } from '../../../support/synthetic-library.ts';
import { removeTempDirs } from '../../../support/temp-dir.ts';

afterAll(removeTempDirs);

const model: ModelPackage = { id: 'nanodet-m-416', dir: '/models/nanodet', manifest: modelManifestSchema.parse(manifestJson), modelFile: '/models/nanodet/model.onnx', problem: null };

/** A runner that does what the test says, in this process: no worker, no container. */
class FakeRunner implements Runner {
  started: { job: RunnerJob; callbacks: RunnerCallbacks; stopped: boolean }[] = [];
  reattach(): Promise<null> {
    return Promise.resolve(null);
  }
  start(job: RunnerJob, callbacks: RunnerCallbacks): Promise<{ stop: () => void; detached: boolean; checkpoint: () => null }> {
    const entry = { job, callbacks, stopped: false };
    this.started.push(entry);
    return Promise.resolve({
      stop: () => {
        entry.stopped = true;
        queueMicrotask(() => callbacks.onExit('stopped'));
      },
      detached: false,
      checkpoint: () => null,
    });
  }
  /** The worker of the last start: results for its first n images, then its end. */
  finish(n: number, detail = 'exit code 0'): void {
    const last = this.started.at(-1);
    if (!last) throw new Error('nothing started');
    for (const item of last.job.items.slice(0, n)) last.callbacks.onLine({ type: 'result', mediaPk: item.mediaPk, truncated: false, detections: [] });
    last.callbacks.onExit(detail);
  }
}

function build(library: Library) {
  const runner = new FakeRunner();
  const finished: JobInfo[] = [];
  const progress: JobProgress[] = [];
  const tasks: TaskInfo[] = [];
  const registry = new TaskRegistry((t) => tasks.push(t));
  const access: LibraryAccess = { current: () => library, require: () => library };
  const jobs = new DetectionJobs({
    library: access,
    models: () => [model],
    engine: { status: () => Promise.reject(new Error('the engine is not asked for CPU jobs')), loadImage: () => Promise.reject(new Error('no image')) },
    runners: { cpu: runner, container: () => runner },
    emit: (...args) => {
      if (args[0] === 'detect.finished') finished.push(args[1]);
      else if (args[0] === 'detect.progress') progress.push(args[1]);
    },
    logger: { info: () => undefined, error: () => 'E-TEST' },
    startTask: (spec) => registry.start(spec),
  });
  const ended = (): Promise<JobInfo> => new Promise((resolve) => {
    const check = (): void => {
      const last = finished.at(-1);
      if (last) resolve(last);
      else setTimeout(check, 5);
    };
    check();
  });
  return { jobs, runner, finished, progress, tasks, ended };
}

describe('detection jobs, built alone with a fake runner', () => {
  it('runs the pending images of a job to the end, as a task', async () => {
    const library = syntheticLibrary(5);
    const t = build(library);
    const job = await t.jobs.start(undefined, { onlyUnprocessed: true }, 'cpu');
    expect(job).toMatchObject({ state: 'running', runner: 'cpu', total: 5, runnerReason: 'You chose the embedded CPU detector.', runnerReasonSays: [{ key: 'runner-cpu-chosen' }] });
    expect(t.runner.started[0]?.job.items.map((i) => i.mediaPk)).toEqual([1, 2, 3, 4, 5]);
    t.runner.finish(5);
    expect(await t.ended()).toMatchObject({ state: 'done', done: 5, failed: 0 });
    expect(t.tasks.at(-1)).toMatchObject({ id: `detection:${job.runId}`, state: 'done', done: 5, message: null });
    expect(t.tasks.at(-1)?.says).toBeUndefined();
    library.close();
  });

  it('restarts a worker that died on the images it had not done, and records the image it keeps dying on', async () => {
    const library = syntheticLibrary(4);
    const t = build(library);
    const job = await t.jobs.start(undefined, { onlyUnprocessed: true }, 'cpu');
    t.runner.finish(1, 'stopped by SIGKILL');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.runner.started[1]?.job.items.map((i) => i.mediaPk)).toEqual([2, 3, 4]);
    t.runner.finish(0, 'stopped by SIGSEGV');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.runner.started[2]?.job.items.map((i) => i.mediaPk)).toEqual([3, 4]);
    t.runner.finish(2);
    expect(await t.ended()).toMatchObject({ runId: job.runId, state: 'done', done: 4, failed: 1 });
    const mediaID = library.db.prepare('SELECT media_id FROM media WHERE media_pk = 2').pluck().get() as string;
    expect(mediaDetections(library.db, mediaID, undefined)).toMatchObject({
      status: 'failed',
      failure: 'The detection worker stopped on this image (stopped by SIGSEGV).',
      failureSays: [{ key: 'detect-worker-stopped-on-image', values: { detail: 'stopped by SIGSEGV' } }],
    });
    library.close();
  });

  it('pauses, resumes where it stopped, and cancels keeping the results', async () => {
    const library = syntheticLibrary(6);
    const t = build(library);
    const job = await t.jobs.start(undefined, { onlyUnprocessed: true }, 'cpu');
    const first = t.runner.started[0];
    first?.callbacks.onLine({ type: 'result', mediaPk: 1, truncated: false, detections: [] });
    expect(t.jobs.pause(job.runId).state).toBe('running');
    expect(first?.stopped).toBe(true);
    expect(await t.ended()).toMatchObject({ state: 'paused', done: 1, message: 'Paused. Resume to go on where it stopped.', messageSays: [{ key: 'job-paused' }] });
    expect(t.tasks.at(-1)?.state).toBe('paused');
    await t.jobs.run(job.runId);
    expect(t.runner.started[1]?.job.items).toHaveLength(5);
    t.finished.length = 0;
    t.jobs.cancel(job.runId);
    expect(await t.ended()).toMatchObject({ state: 'cancelled', done: 1, message: 'Cancelled. Results so far are kept.', messageSays: [{ key: 'job-cancelled' }] });
    expect(t.tasks.at(-1)).toMatchObject({ state: 'cancelled', message: 'Cancelled. Results so far are kept.', says: [{ key: 'job-cancelled' }] });
    expect(() => t.jobs.cancel(job.runId)).toThrow(/has ended \(cancelled\)/);
    await expect(t.jobs.run(job.runId)).rejects.toThrow(/has ended/);
    library.close();
  });

  it('leaves a job to resume on the next open when the library closes', async () => {
    const library = syntheticLibrary(3);
    const t = build(library);
    const job = await t.jobs.start(undefined, { onlyUnprocessed: true }, 'cpu');
    t.runner.started[0]?.callbacks.onLine({ type: 'result', mediaPk: 1, truncated: false, detections: [] });
    t.jobs.stopAll();
    expect(t.runner.started[0]?.stopped).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(t.finished).toEqual([]);
    expect(library.db.prepare('SELECT state FROM detection_runs WHERE run_id = ?').get(job.runId)).toEqual({ state: 'running' });
    expect(library.db.prepare('SELECT COUNT(*) AS n FROM detection_results').get()).toEqual({ n: 1 });
    library.close();
  });

  it('asks the engine once for a container job and loads the image as its own step', async () => {
    const library = syntheticLibrary(2);
    const asked = { status: 0, loads: 0 };
    const runner = new FakeRunner();
    const status: EngineStatusWithDocker = { state: 'running-gpu', advice: '', says: { key: 'engine-running-gpu' }, socket: null, engine: 'Docker', version: '28', runtimes: ['nvidia'], gpus: 1, image: { tag: 'w:1', loaded: false, tarball: '/r/w.tar.gz', sha256: null, bytes: null }, docker: {} as EngineStatusWithDocker['docker'] };
    const jobs = new DetectionJobs({
      library: { current: () => library, require: () => library },
      models: () => [model],
      engine: {
        status: () => {
          asked.status += 1;
          return Promise.resolve(status);
        },
        loadImage: () => {
          asked.loads += 1;
          return Promise.resolve({ ...status.image, loaded: true });
        },
      },
      runners: { cpu: new FakeRunner(), container: () => runner },
      emit: () => undefined,
      logger: { info: () => undefined, error: () => 'E-TEST' },
      startTask: (spec) => new TaskRegistry(() => undefined).start(spec),
    });
    const job = await jobs.start(undefined, { onlyUnprocessed: true }, 'auto');
    expect(job).toMatchObject({ runner: 'container-gpu', state: 'running', runnerReasonSays: [{ key: 'runner-container-gpu' }] });
    expect(asked).toEqual({ status: 1, loads: 1 });
    expect(runner.started).toHaveLength(1);
    // The engine refused the GPU: the job says so, in keys, and runs on the processor.
    runner.started[0]?.callbacks.onRunnerChanged('container-cpu', [explainGpuFailure('could not select device driver ""')]);
    expect(getJob(library.db, job.runId)).toMatchObject({
      runner: 'container-cpu',
      runnerReason: expect.stringMatching(/^The container engine could not give the job a graphics card \(could not select device driver ""\)\. .* runs on the processor instead\.$/),
      runnerReasonSays: [{ key: 'runner-gpu-refused', values: { detail: 'could not select device driver ""' } }],
    });
    jobs.stopAll();
    library.close();
  });
});
