import { afterAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../electron/backend/detect/contract.ts';
import type { ModelPackage } from '../../../electron/backend/detect/find-models.ts';
import { DetectionJobs } from '../../../electron/backend/detect/jobs/detection-jobs.ts';
import { modelManifestSchema } from '../../../electron/backend/detect/model-manifest.ts';
import { createCpuRunner } from '../../../electron/backend/detect/runners/cpu-runner.ts';
import { TaskRegistry } from '../../../electron/backend/tasks/task-registry.ts';
import manifestJson from '../../../resources/models/nanodet-m-416/manifest.json' with { type: 'json' };
import { syntheticLibrary } from '../../support/synthetic-library.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const model: ModelPackage = { id: 'nanodet-m-416', dir: '/none', manifest: modelManifestSchema.parse(manifestJson), modelFile: '/none/model.onnx', problem: null };

describe('worker lines through the CPU runner, fuzzed', () => {
  it('finishes the job: good results stored, broken ones failed images with a reason, strangers and garbage ignored, nothing crashes', async () => {
    const library = syntheticLibrary(60);
    // A picture outside the job, which the worker's lines name: it must get no result.
    library.db.prepare("INSERT INTO imports (import_id, deployment_id, source_root, state, started_at) VALUES (2, 'dep1', '/other', 'done', 'now')").run();
    library.db.prepare("INSERT INTO media (media_pk, media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime, taken_at_original, taken_at_ms, timestamp_ms, time_from_file, sequence_no, imported_at) SELECT 999999, 'ffffffffffffffff', deployment_id, 2, 'media/x.JPG', 'x.JPG', 'x.JPG', 'f', 1, 'image', 'image/jpeg', '', 0, 0, 0, 1, 'now' FROM media LIMIT 1").run();
    const errors: string[] = [];
    let finished: JobInfo | undefined;
    const jobs = new DetectionJobs({
      library: { current: () => library, require: () => library },
      models: () => [model],
      engine: { status: () => Promise.reject(new Error('not asked')), loadImage: () => Promise.reject(new Error('not asked')) },
      runners: { cpu: createCpuRunner(new URL('../../support/workers/fuzz-worker.ts', import.meta.url)), container: () => createCpuRunner() },
      emit: (...args) => {
        if (args[0] === 'detect.finished') finished = args[1];
      },
      logger: { info: () => undefined, error: (message) => (errors.push(message), 'E-TEST') },
      startTask: (spec) => new TaskRegistry(() => undefined).start(spec),
    });
    const job = await jobs.start(undefined, { importId: 1, onlyUnprocessed: true }, 'cpu');
    await expect.poll(() => finished?.state, { timeout: 20_000 }).toBe('done');
    expect(finished).toMatchObject({ runId: job.runId, total: 60, done: 60, failed: 20 });
    const failures = library.db.prepare("SELECT media_pk AS pk, failure FROM detection_results WHERE status = 'failed' ORDER BY media_pk").all() as { pk: number; failure: string }[];
    expect(failures.map((f) => f.pk)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 3));
    for (const f of failures) expect(f.failure).toMatch(/^The detection worker sent a result that could not be read/);
    expect(library.db.prepare('SELECT COUNT(*) FROM detection_results WHERE media_pk = 999999').pluck().get()).toBe(0);
    expect(library.db.prepare('SELECT COUNT(*) FROM detections').pluck().get()).toBe(40);
    expect(errors).toEqual([]);
    library.close();
  });
});
