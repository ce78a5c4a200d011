import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfExample, examplePackage, newLibrary } from './package-import-support.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const cli = path.resolve(import.meta.dirname, '../../../electron/backend/cli/camtrap-station.mjs');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, CAMTRAP_DATA_DIR: tempDir('cli-data-') } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('camtrap-station import-camtrap-dp', () => {
  it('imports the example and says what it added; a package with missing files is refused with exit code 1 unless --allow-missing', async () => {
    const t = testBackend();
    const root = await newLibrary(t);
    await t.must('library.close', {});

    const done = await run(['import-camtrap-dp', '--library', root, examplePackage()]);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/deployments: 4 \(4 new locations\)/);
    expect(done.stdout).toMatch(/media: 10 copied into the library and verified .*, 413 kept as references/);

    const bare = copyOfExample(false);
    const other = await newLibrary(testBackend());
    const refused = await run(['import-camtrap-dp', '--library', other, '--json', bare]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ outcome: 'refused', problems: expect.arrayContaining([expect.objectContaining({ key: 'package-import-file-missing' })]) });

    const withMedia = await run(['import-camtrap-dp', '--library', other, '--media', path.join(examplePackage(), 'media'), bare]);
    expect(withMedia.code).toBe(0);
    expect(withMedia.stdout).toMatch(/media: 10 copied/);
  });
});
