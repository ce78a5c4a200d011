import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../electron/backend/detect/contract.ts';
import type { ModelPackage } from '../../../electron/backend/detect/find-models.ts';
import { DetectionJobs } from '../../../electron/backend/detect/jobs/detection-jobs.ts';
import { modelManifestSchema } from '../../../electron/backend/detect/model-manifest.ts';
import { containerRunner } from '../../../electron/backend/detect/runners/container-runner.ts';
import { createCpuRunner } from '../../../electron/backend/detect/runners/cpu-runner.ts';
import type { EngineStatusWithDocker } from '../../../electron/backend/engine/engine.ts';
import { TaskRegistry } from '../../../electron/backend/tasks/task-registry.ts';
import manifestJson from '../../../resources/models/nanodet-m-416/manifest.json' with { type: 'json' };
import { docker, requireDocker } from '../../support/docker.ts';
import { testModelsDir } from '../../support/models.ts';
import { syntheticLibrary } from '../../support/synthetic-library.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const fuzzTag = 'camtrap-worker:fuzz';

describe('worker lines through the container runner, fuzzed', () => {
  it('finishes the job from a results file full of garbage: broken results are failed images, nothing crashes', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    docker('build', '--quiet', '-t', fuzzTag, path.resolve('test/support/workers/container-fuzz'));
    const dir = path.join(testModelsDir(), 'nanodet-m-416');
    const model: ModelPackage = { id: 'nanodet-m-416', dir, manifest: modelManifestSchema.parse(manifestJson), modelFile: path.join(dir, 'model.onnx'), problem: null };
    const library = syntheticLibrary(45);
    const engine = new Docker();
    const status = { docker: engine, image: { tag: fuzzTag, loaded: true, tarball: null, sha256: null, bytes: null }, state: 'running-no-gpu', advice: '' } as EngineStatusWithDocker;
    const errors: string[] = [];
    let finished: JobInfo | undefined;
    const jobs = new DetectionJobs({
      library: { current: () => library, require: () => library },
      models: () => [model],
      engine: { status: () => Promise.resolve(status), loadImage: () => Promise.reject(new Error('not asked')) },
      runners: { cpu: createCpuRunner(), container: containerRunner },
      emit: (...args) => {
        if (args[0] === 'detect.finished') finished = args[1];
      },
      logger: { info: () => undefined, error: (message) => (errors.push(message), 'E-TEST') },
      startTask: (spec) => new TaskRegistry(() => undefined).start(spec),
    });
    await jobs.start(undefined, { onlyUnprocessed: true }, 'container');
    await expect.poll(() => finished?.state, { timeout: 60_000, interval: 500 }).toBe('done');
    expect(finished).toMatchObject({ runner: 'container-cpu', total: 45, done: 45, failed: 15 });
    const failures = library.db.prepare("SELECT failure FROM detection_results WHERE status = 'failed'").pluck().all() as string[];
    for (const f of failures) expect(f).toMatch(/^The detection worker sent a result that could not be read/);
    expect(library.db.prepare('SELECT COUNT(*) FROM detections').pluck().get()).toBe(30);
    expect(errors).toEqual([]);
    library.close();
  }, 120_000);
});
