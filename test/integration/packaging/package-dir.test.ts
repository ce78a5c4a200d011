import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUnpacked } from '../../../build/scripts/check-package.mjs';
import { copySpec } from '../../../build/scripts/copy-spec.mjs';
import { resourceLayout } from '../../../electron/backend/bundle/resource-dir.ts';
import { sharedPath } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

const unpacked = path.resolve('release', 'linux-unpacked');
const resources = path.join(unpacked, 'resources');

beforeAll(() => {
  // What a release build puts in resources/ first (fetch:models, the spec copy); the worker image
  // tarball is the CPU test image that the test setup built.
  copySpec();
  const model = path.resolve('resources', 'models', 'nanodet-m-416', 'model.onnx');
  if (!fs.existsSync(model)) fs.copyFileSync(sharedPath('models', 'nanodet-m-416', 'model.onnx'), model);
  const r = spawnSync('npm', ['run', 'package:dir'], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`npm run package:dir failed:\n${r.stdout}\n${r.stderr}`);
}, 660_000);
afterAll(removeTempDirs);

/** A copy of the unpacked app's layout whose big parts are links to the real ones, with one part left out. */
function without(leftOut: (rel: string) => boolean): string {
  const app = path.join(tempDir(), 'linux-unpacked');
  const copy = (rel: string) => {
    const from = path.join(unpacked, rel);
    const to = path.join(app, rel);
    if (leftOut(rel)) return;
    if (fs.statSync(from).isDirectory() && !/(^|\/)(app\.asar|spec|species)$/.test(rel) && !rel.startsWith('resources/models') && rel.split('/').length < 4) {
      fs.mkdirSync(to, { recursive: true });
      for (const name of fs.readdirSync(from)) copy(path.join(rel, name));
    } else fs.symlinkSync(from, to);
  };
  copy('resources');
  return app;
}

describe('the unpacked app from npm run package:dir', () => {
  it('holds the built code without development dependencies or tests, the native modules unpacked, and the resources, within its size budget', () => {
    expect(checkUnpacked(unpacked)).toEqual([]);
  });

  it('has its resources where the packaged app looks for them', () => {
    const found = resourceLayout({ env: {}, resourcesPath: resources, from: path.join(resources, 'app.asar', 'dist-electron') });
    expect(found).toEqual({ dir: resources, layout: 'packaged' });
    const manifest = JSON.parse(fs.readFileSync(path.join(found.dir, 'image', 'image-manifest.json'), 'utf8')) as { file: string };
    expect(fs.existsSync(path.join(found.dir, 'image', manifest.file))).toBe(true);
    expect(fs.existsSync(path.join(found.dir, 'models', 'nanodet-m-416', 'model.onnx'))).toBe(true);
  });

  it('is refused when the worker image tarball, a model package or a native module is missing', () => {
    expect(checkUnpacked(without((rel) => rel.endsWith('.tar.gz')))).toEqual([expect.stringMatching(/worker image tarball .* is missing/)]);
    expect(checkUnpacked(without((rel) => rel === 'resources/models'))).toEqual(['resources/models holds no model package.']);
    expect(checkUnpacked(without((rel) => rel === 'resources/app.asar.unpacked/node_modules/better-sqlite3'))).toEqual([
      'the native module file better-sqlite3/build/Release/better_sqlite3.node is not unpacked beside app.asar.',
    ]);
  });
});
