import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo, JobProgress } from '../../../electron/backend/detect/contract.ts';
import { detectionCounts } from '../../support/detection-invariants.ts';
import { libraryWithCard } from '../../support/library-with-card.ts';
import { useTestModels } from '../../support/models.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

let modelsDir = '';
beforeAll(() => {
  modelsDir = useTestModels();
});
afterAll(removeTempDirs);

const images = 240;
const cli = path.resolve('electron/backend/cli/camtrap-station.mjs');

function workerProcesses(): string[] {
  const r = spawnSync('pgrep', ['-af', 'detect-worker.ts'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.trim() && !l.includes('pgrep'));
}

describe('detection survives kill -9', () => {
  it('of the worker, three times: the job restarts it and every image gets exactly one result', async () => {
    const { t, library } = await libraryWithCard(images);
    let kills = 0;
    const killAt = [30, 90, 160];
    const ended = new Promise<JobInfo>((resolve) =>
      t.backend.subscribe((name, payload) => {
        if (name === 'detect.progress') {
          const p = payload as JobProgress;
          const pid = t.backend.detection.workerPid(p.runId);
          if (kills < killAt.length && p.done >= (killAt[kills] as number) && pid) {
            kills += 1;
            process.kill(pid, 'SIGKILL');
          }
        }
        if (name === 'detect.finished') resolve(payload as JobInfo);
      }),
    );
    const job = await t.must('detect.start', { scope: { onlyUnprocessed: true } });
    const done = await ended;
    expect(kills).toBe(3);
    expect(done).toMatchObject({ runId: job.runId, state: 'done', total: images, done: images });
    expect(detectionCounts(library, job.runId)).toMatchObject({ covered: images, results: images, distinctResults: images, boxesWithoutResult: 0, failed: 0 });
  }, 300_000);

  it('of the backend, at random moments: the worker goes with it, and the next run resumes the same job', async () => {
    const { t, work, library } = await libraryWithCard(images);
    t.backend.close();
    const env = { ...process.env, CAMTRAP_DATA_DIR: path.join(work, 'data'), CAMTRAP_MODELS_DIRS: modelsDir };
    let resultsBefore = 0;
    for (let round = 0; round < 3; round += 1) {
      const child = spawn(process.execPath, [cli, 'detect', '--library', library], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      // Wait until this run has stored new results, then kill it at a random moment after that.
      for (let waited = 0; waited < 60_000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        if (detectionCounts(library, 1).results > resultsBefore + 5) break;
      }
      await new Promise((r) => setTimeout(r, Math.random() * 800));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('close', r));
      await new Promise((r) => setTimeout(r, 500));
      expect(workerProcesses(), 'a worker outlived its backend').toEqual([]);
      const counts = detectionCounts(library, 1);
      expect(counts.results).toBe(counts.distinctResults);
      expect(counts.boxesWithoutResult).toBe(0);
      expect(counts.results).toBeGreaterThan(resultsBefore);
      expect(counts.results).toBeLessThan(images);
      resultsBefore = counts.results;
    }
    const finish = spawnSync(process.execPath, [cli, '--json', 'detect', '--library', library], { env, encoding: 'utf8' });
    expect(finish.status, finish.stderr).toBe(0);
    expect(finish.stderr).toMatch(/Resuming job 1/);
    expect(JSON.parse(finish.stdout)).toMatchObject({ runId: 1, state: 'done', total: images, done: images });
    expect(detectionCounts(library, 1)).toMatchObject({ runs: 1, covered: images, results: images, distinctResults: images, boxesWithoutResult: 0 });

    const out = path.join(work, 'run1.json');
    const exported = spawnSync(process.execPath, [cli, 'export-md', '--library', library, '--run', '1', out], { env, encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);
    const md = JSON.parse(fs.readFileSync(out, 'utf8')) as { images: { file: string }[] };
    expect(new Set(md.images.map((i) => i.file)).size).toBe(images);
  }, 300_000);
});
