import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectionCounts } from '../../support/detection-invariants.ts';
import { docker, requireDocker } from '../../support/docker.ts';
import { libraryWithCard } from '../../support/library-with-card.ts';
import { useTestModels } from '../../support/models.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

let models = '';
beforeAll(() => {
  models = useTestModels();
});
afterAll(removeTempDirs);

const images = 240;
const cli = path.resolve('electron/backend/cli/camtrap-station.mjs');

describe('the backend killed while a container runs a job', () => {
  it('finds the container by its label when it starts again, and finishes with one result per image', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const { t, work, library } = await libraryWithCard(images);
    t.backend.close();
    const env = { ...process.env, CAMTRAP_DATA_DIR: path.join(work, 'data'), CAMTRAP_MODELS_DIRS: models, CAMTRAP_RESOURCES_DIR: path.resolve('resources') };

    const first = spawn(process.execPath, [cli, 'detect', '--library', library, '--runner', 'container'], { env, stdio: 'ignore' });
    for (let waited = 0; waited < 120_000 && detectionCounts(library, 1).results < 20; waited += 100) await new Promise((r) => setTimeout(r, 100));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('close', r));
    const running = docker('ps', '--filter', 'label=org.camtrap-station.job=1', '--format', '{{.ID}}');
    expect(running, 'the container goes on without the backend').not.toBe('');
    const before = detectionCounts(library, 1).results;
    expect(before).toBeLessThan(images);

    const second = spawnSync(process.execPath, [cli, '--json', 'detect', '--library', library, '--runner', 'container'], { env, encoding: 'utf8' });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/Resuming job 1/);
    expect(JSON.parse(second.stdout)).toMatchObject({ runId: 1, state: 'done', runner: 'container-cpu', done: images });
    expect(detectionCounts(library, 1)).toMatchObject({ runs: 1, covered: images, results: images, distinctResults: images, boxesWithoutResult: 0 });
    // One container did the whole job: its results file has one start.
    const lines = fs.readFileSync(path.join(library, '.jobs', '1', 'results.jsonl'), 'utf8').trim().split('\n');
    expect(lines.filter((l) => l.includes('"type":"ready"'))).toHaveLength(1);
    const logs = fs.readdirSync(path.join(work, 'data', 'logs')).map((f) => fs.readFileSync(path.join(work, 'data', 'logs', f), 'utf8')).join('');
    expect(logs).toMatch(/detection container reattached/);
    expect(docker('ps', '-a', '--filter', 'label=org.camtrap-station.job=1', '--format', '{{.ID}}')).toBe('');
  }, 300_000);
});
