import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { containerSpec } from '../../../electron/backend/detect/runners/container-runner.ts';
import { loadWorkerImage } from '../../../electron/backend/engine/worker-image.ts';
import { createLibrary } from '../../../electron/backend/library/open-library.ts';
import { docker, requireDocker } from '../../support/docker.ts';
import { devModel, jobsAlone } from '../../support/jobs-alone.ts';
import { testModelsDir } from '../../support/models.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(() => {
  spawnSync('docker', ['rmi', '-f', 'camtrap-tiny:1', 'camtrap-intruder:1'], { stdio: 'ignore' });
  removeTempDirs();
});


/** A tiny image made here from one file, saved with the given tags, with an image-manifest.json beside it claiming `claim`. */
function tinyArchive(tags: string[], claim: { tag: string; id?: string }): string {
  const dir = tempDir('camtrap-tiny-');
  fs.writeFileSync(path.join(dir, 'hello.txt'), 'hello');
  spawnSync('sh', ['-c', `tar c -C ${dir} hello.txt | docker import - ${tags[0]}`], { stdio: 'ignore' });
  for (const tag of tags.slice(1)) docker('tag', tags[0] as string, tag);
  const file = path.join(dir, 'tiny.tar.gz');
  spawnSync('sh', ['-c', `docker save ${tags.join(' ')} | gzip -1 > ${file}`]);
  for (const tag of tags) spawnSync('docker', ['rmi', '-f', tag], { stdio: 'ignore' });
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(path.join(dir, 'image-manifest.json'), JSON.stringify({ tag: claim.tag, file: 'tiny.tar.gz', sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, ...(claim.id ? { id: claim.id } : {}) }));
  return file;
}

const tagged = (tag: string): boolean => spawnSync('docker', ['image', 'inspect', tag], { stdio: 'ignore' }).status === 0;

describe('worker images and containers on the real engine (case 8)', () => {
  it('refuses an image file that would add or overwrite other tags, before the engine sees it', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const file = tinyArchive(['camtrap-tiny:1', 'camtrap-intruder:1'], { tag: 'camtrap-tiny:1' });
    await expect(loadWorkerImage(new Docker(), file, () => undefined)).rejects.toThrow(/would load camtrap-tiny:1, camtrap-intruder:1 instead of only camtrap-tiny:1/);
    expect(tagged('camtrap-intruder:1')).toBe(false);
    expect(tagged('camtrap-tiny:1')).toBe(false);
  });

  it('refuses an image whose ID is not the one its manifest names, and loads and checks one whose ID is', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const wrong = tinyArchive(['camtrap-tiny:1'], { tag: 'camtrap-tiny:1', id: `sha256:${'0'.repeat(64)}` });
    await expect(loadWorkerImage(new Docker(), wrong, () => undefined)).rejects.toThrow(/not the one its manifest names/);
    expect(tagged('camtrap-tiny:1')).toBe(false);
    const right = tinyArchive(['camtrap-tiny:1'], { tag: 'camtrap-tiny:1' });
    expect(await loadWorkerImage(new Docker(), right, () => undefined)).toMatchObject({ tag: 'camtrap-tiny:1', loaded: true });
  });

  it('mounts a library whose path holds ":" and ",", with memory and process limits', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    docker('build', '--quiet', '-t', 'camtrap-worker:fuzz', path.resolve('test/support/workers/container-fuzz'));
    const library = createLibrary(path.join(tempDir(), 'station:2024, dry season'));
    const at = new Date().toISOString();
    library.db.prepare("INSERT INTO locations (location_id, name, latitude, longitude, created_at) VALUES ('l', 'x', 0, 0, ?)").run(at);
    library.db.prepare("INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, created_at) VALUES ('d', 'l', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', ?)").run(at);
    library.db.prepare("INSERT INTO imports (import_id, deployment_id, source_root, state, started_at) VALUES (1, 'd', '/c', 'done', ?)").run(at);
    library.db.prepare("INSERT INTO media (media_pk, media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime, taken_at_original, taken_at_ms, timestamp_ms, time_from_file, sequence_no, imported_at) VALUES (1, '0000000000000001', 'd', 1, 'media/d/a.JPG', 'a.JPG', 'a.JPG', 'x', 1, 'image', 'image/jpeg', '', 1, 1, 0, 1, ?)").run(at);
    const model = devModel(path.join(testModelsDir(), 'nanodet-m-416'));
    const { jobs, finished } = jobsAlone(library, model, { docker: new Docker(), image: 'camtrap-worker:fuzz' });
    await jobs.start(undefined, { onlyUnprocessed: true }, 'container');
    await expect.poll(() => finished()?.state, { timeout: 60_000, interval: 500 }).toBe('done');
    expect(finished()).toMatchObject({ done: 1, failed: 0 });
    const spec = containerSpec({ runId: 1, model, items: [], libraryRoot: library.paths.root, resultsOffset: 0, videoFramesPerSecond: 1, image: 'i', gpu: false, limits: { memoryBytes: 8 << 30, pids: 512 } }, '/jobs/1', false, '1000:1000');
    expect(spec.HostConfig).toMatchObject({ Memory: 8 << 30, PidsLimit: 512, NetworkMode: 'none', ReadonlyRootfs: true, CapDrop: ['ALL'] });
    expect(spec.HostConfig?.Mounts?.[0]).toEqual({ Type: 'bind', Source: library.paths.root, Target: '/library', ReadOnly: true });
    expect(spec.HostConfig?.Binds).toBeUndefined();
    library.close();
  }, 120_000);
});
