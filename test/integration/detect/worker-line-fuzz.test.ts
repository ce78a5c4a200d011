import { afterAll, describe, expect, it } from 'vitest';
import { createCpuRunner } from '../../../electron/backend/detect/runners/cpu-runner.ts';
import { readSays } from '../../../electron/backend/rpc/stored-says.ts';
import { devModel, jobsAlone } from '../../support/jobs-alone.ts';
import { syntheticLibrary } from '../../support/synthetic-library.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);


describe('worker lines through the CPU runner, fuzzed', () => {
  it('finishes the job: good results stored, broken ones failed images with a reason, strangers and garbage ignored, nothing crashes', async () => {
    const library = syntheticLibrary(60);
    // A picture outside the job, which the worker's lines name: it must get no result.
    library.db.prepare("INSERT INTO imports (import_id, deployment_id, source_root, state, started_at) VALUES (2, 'dep1', '/other', 'done', 'now')").run();
    library.db.prepare("INSERT INTO media (media_pk, media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime, taken_at_original, taken_at_ms, timestamp_ms, time_from_file, sequence_no, imported_at) SELECT 999999, 'ffffffffffffffff', deployment_id, 2, 'media/x.JPG', 'x.JPG', 'x.JPG', 'f', 1, 'image', 'image/jpeg', '', 0, 0, 0, 1, 'now' FROM media LIMIT 1").run();
    const { jobs, errors, finished } = jobsAlone(library, devModel('/none'), { cpu: createCpuRunner(new URL('../../support/workers/fuzz-worker.ts', import.meta.url)) });
    const job = await jobs.start(undefined, { importId: 1, onlyUnprocessed: true }, 'cpu');
    await expect.poll(() => finished()?.state, { timeout: 20_000 }).toBe('done');
    expect(finished()).toMatchObject({ runId: job.runId, total: 60, done: 60, failed: 20 });
    const failures = library.db.prepare("SELECT media_pk AS pk, failure FROM detection_results WHERE status = 'failed' ORDER BY media_pk").all() as { pk: number; failure: string }[];
    expect(failures.map((f) => f.pk)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 3));
    for (const f of failures) expect(readSays(f.failure)).toMatchObject({ text: expect.stringMatching(/^The detection worker sent a result that could not be read/), says: [{ key: 'detect-worker-line-unreadable' }] });
    expect(library.db.prepare('SELECT COUNT(*) FROM detection_results WHERE media_pk = 999999').pluck().get()).toBe(0);
    expect(library.db.prepare('SELECT COUNT(*) FROM detections').pluck().get()).toBe(40);
    expect(errors).toEqual([]);
    library.close();
  });
});
