import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { readSays } from '../../../electron/backend/rpc/stored-says.ts';
import { docker, requireDocker } from '../../support/docker.ts';
import { devModel, jobsAlone } from '../../support/jobs-alone.ts';
import { testModelsDir } from '../../support/models.ts';
import { syntheticLibrary } from '../../support/synthetic-library.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const fuzzTag = 'camtrap-worker:fuzz';

describe('worker lines through the container runner, fuzzed', () => {
  it('finishes the job from a results file full of garbage: broken results are failed images, nothing crashes', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    docker('build', '--quiet', '-t', fuzzTag, path.resolve('test/support/workers/container-fuzz'));
    const library = syntheticLibrary(45);
    const { jobs, errors, finished } = jobsAlone(library, devModel(path.join(testModelsDir(), 'nanodet-m-416')), { docker: new Docker(), image: fuzzTag });
    await jobs.start(undefined, { onlyUnprocessed: true }, 'container');
    await expect.poll(() => finished()?.state, { timeout: 60_000, interval: 500 }).toBe('done');
    expect(finished()).toMatchObject({ runner: 'container-cpu', total: 45, done: 45, failed: 15 });
    const failures = library.db.prepare("SELECT failure FROM detection_results WHERE status = 'failed'").pluck().all() as string[];
    for (const f of failures) expect(readSays(f).text).toMatch(/^The detection worker sent a result that could not be read/);
    expect(library.db.prepare('SELECT COUNT(*) FROM detections').pluck().get()).toBe(30);
    expect(errors).toEqual([]);
    library.close();
  }, 120_000);
});
