import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../../electron/backend/engine/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { docker, requireDocker, testImageTag, testImageTarball } from '../../support/docker.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('the worker image, from its tarball', () => {
  it('refuses a file whose checksum does not match, before anything is loaded', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    const dir = tempDir();
    const bad = path.join(dir, 'camtrap-worker-test-cpu.tar.gz');
    // The first megabytes of the real file: what a copy cut short by a pulled USB stick looks like.
    const fd = fs.openSync(testImageTarball(), 'r');
    const head = Buffer.alloc(8 << 20);
    fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    fs.writeFileSync(bad, head);
    fs.copyFileSync(path.join(path.dirname(testImageTarball()), 'image-manifest.json'), path.join(dir, 'image-manifest.json'));
    const before = docker('images', '-q', '--no-trunc').split('\n').sort();
    const t = testBackend();
    const phases = new Set<string>();
    t.backend.subscribe((name, p) => name === 'engine.loadProgress' && phases.add((p as LoadProgress).phase));
    const result = await t.call('engine.loadImage', { tarball: bad });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-checksum', message: expect.stringMatching(/damaged or not the one its manifest describes.*Nothing was loaded/) } });
    expect([...phases]).toEqual(['checking']);
    expect(docker('images', '-q', '--no-trunc').split('\n').sort()).toEqual(before);
  });

  it('loads through the app with progress: its own byte count first, then the engine’s', async (ctx) => {
    requireDocker((why) => ctx.skip(why));
    try {
      docker('rmi', testImageTag);
    } catch {
      // Not loaded yet.
    }
    const t = testBackend();
    const progress: LoadProgress[] = [];
    t.backend.subscribe((name, p) => name === 'engine.loadProgress' && progress.push(p as LoadProgress));
    process.env.CAMTRAP_RESOURCES_DIR = path.resolve('resources');
    const before = await t.must('engine.status', {});
    expect(before).toMatchObject({ state: expect.stringMatching(/^running/), image: { tag: testImageTag, loaded: false } });
    const loaded = await t.must('engine.loadImage', {});
    expect(loaded).toMatchObject({ tag: testImageTag, loaded: true });
    const phases = progress.map((p) => p.phase);
    expect(phases[0]).toBe('checking');
    expect(phases).toContain('sending');
    expect(phases.at(-1)).toBe('done');
    const sent = progress.filter((p) => p.phase === 'sending');
    expect(sent.at(-1)?.bytesDone).toBe(fs.statSync(testImageTarball()).size);
    expect((await t.must('engine.status', {})).image.loaded).toBe(true);
    delete process.env.CAMTRAP_RESOURCES_DIR;
  }, 300_000);
});
