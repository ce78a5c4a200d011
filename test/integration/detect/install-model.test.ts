import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestFor, packageEntries, realPackageFiles, tarOf, writeFolder, zipOf, type Entry } from './model-packages.ts';
import { installModelPackage } from '../../../electron/backend/detect/models/install-package.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

let work = '';
beforeAll(() => {
  work = tempDir('camtrap-install-');
  // Nothing installed anywhere but what a test installs.
  process.env.CAMTRAP_MODELS_DIRS = tempDir('camtrap-no-models-');
  process.env.CAMTRAP_RESOURCES_DIR = path.join(work, 'no-bundled-resources');
});
afterAll(removeTempDirs);

function place(name: string, data: Buffer): string {
  const file = path.join(tempDir('camtrap-stick-'), name);
  fs.writeFileSync(file, data);
  return file;
}

/** Everything under a folder, links not followed, as relative names. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

const installedFiles = ['nanodet-m-416', 'nanodet-m-416/LICENSE', 'nanodet-m-416/README.md', 'nanodet-m-416/manifest.json', 'nanodet-m-416/model.onnx'];

describe('adding a model package from a folder or an archive', () => {
  it('installs a package folder, checked and run once, and lists the model; the same again is reported, not overwritten', async () => {
    const t = testBackend();
    const events: unknown[] = [];
    t.backend.on('models.installed', (e) => events.push(e));
    const folder = writeFolder(path.join(work, 'stick', 'nanodet-m-416'), packageEntries());
    const installed = await t.must('models.install', { package: folder });
    expect(installed).toMatchObject({ model: { id: 'nanodet-m-416', version: '2022nov', available: true, development: true }, replacedVersion: null });
    expect(events).toEqual([installed]);
    expect(tree(path.join(t.dataDir, 'models'))).toEqual(installedFiles);
    expect(await t.must('models.list', {})).toEqual([installed.model]);

    const before = fs.statSync(path.join(t.dataDir, 'models', 'nanodet-m-416', 'model.onnx')).mtimeMs;
    const again = await t.call('models.install', { package: place('nanodet.tar.gz', await tarOf(packageEntries(), true)) });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', says: { key: 'model-package-already-installed' }, message: expect.stringMatching(/version 2022nov, is already installed/) } });
    expect(tree(path.join(t.dataDir, 'models'))).toEqual(installedFiles);
    expect(fs.statSync(path.join(t.dataDir, 'models', 'nanodet-m-416', 'model.onnx')).mtimeMs).toBe(before);

    // Another version of the same model takes its place.
    const files = realPackageFiles();
    const newer = await t.must('models.install', { package: place('newer.zip', await zipOf(packageEntries(files, '', manifestFor(files, { version: '2022nov.1' })))) });
    expect(newer).toMatchObject({ model: { id: 'nanodet-m-416', version: '2022nov.1' }, replacedVersion: '2022nov' });
    expect(tree(path.join(t.dataDir, 'models'))).toEqual(installedFiles);
  }, 120_000);

  it.each([
    ['a .tar.gz with the package in a folder', 'model.tar.gz', () => tarOf(packageEntries(realPackageFiles(), 'nanodet-m-416'), true)],
    ['a .tar with the package at its root', 'model.tar', () => tarOf(packageEntries(), false)],
    ['a .zip with the package in a folder', 'model.zip', () => zipOf(packageEntries(realPackageFiles(), 'nanodet-m-416'))],
  ])('installs %s', async (_what, name, build) => {
    const t = testBackend();
    await t.must('models.install', { package: place(name, await build()) });
    expect(tree(path.join(t.dataDir, 'models'))).toEqual(installedFiles);
    expect(await t.must('models.list', {})).toMatchObject([{ id: 'nanodet-m-416', available: true }]);
  }, 60_000);
});

const files = realPackageFiles();
const damaged = new Map(files);
const onnx = Buffer.from(files.get('model.onnx') as Buffer);
onnx.writeUInt8(onnx.readUInt8(onnx.length - 100) ^ 0xff, onnx.length - 100);
damaged.set('model.onnx', onnx);
const garbage = new Map([['model.onnx', Buffer.from('this is not an ONNX model at all')]]);
const zipTraversal = async (): Promise<Buffer> => {
  const zip = await zipOf(packageEntries().map((e) => (e.name === 'README.md' ? { ...e, name: 'ab/evil.txt' } : e)));
  return Buffer.from(zip.toString('latin1').replaceAll('ab/evil.txt', '../evil.txt'), 'latin1');
};
const withEntry = (extra: Entry): Entry[] => [...packageEntries(), extra];
const cut = (b: Buffer): Buffer => b.subarray(0, Math.floor(b.length / 2));

describe('a hostile or damaged package is refused with its message and leaves nothing behind', () => {
  it.each<[string, string, () => Promise<Buffer> | Buffer, string, string]>([
    ['a file whose checksum differs', 'bad.tar.gz', () => tarOf(packageEntries(damaged, '', manifestFor(files)), true), 'bad-checksum', 'model-package-bad-checksum'],
    ['an entry that climbs out with ../', 'climb.tar', () => tarOf(withEntry({ name: 'nanodet/../../evil.txt', data: Buffer.from('x') }), false), 'invalid-input', 'model-package-unsafe-entry'],
    ['an entry with an absolute name', 'absolute.tar', () => tarOf(withEntry({ name: '/tmp/camtrap-evil.txt', data: Buffer.from('x') }), false), 'invalid-input', 'model-package-unsafe-entry'],
    ['a zip entry that climbs out with ../', 'climb.zip', zipTraversal, 'invalid-input', 'model-package-unsafe-entry'],
    ['a symlink entry in a tar', 'link.tar.gz', () => tarOf([...packageEntries().filter((e) => e.name !== 'LICENSE'), { name: 'LICENSE', type: 'symlink', linkname: '/etc/passwd' }], true), 'invalid-input', 'model-package-link'],
    ['a symlink entry in a zip', 'link.zip', () => zipOf(withEntry({ name: 'passwd', type: 'symlink', linkname: '/etc/passwd' })), 'invalid-input', 'model-package-link'],
    ['an archive without manifest.json', 'nomanifest.zip', () => zipOf(packageEntries().filter((e) => e.name !== 'manifest.json')), 'invalid-input', 'model-package-no-manifest'],
    ['a truncated .tar.gz', 'cut.tar.gz', async () => cut(await tarOf(packageEntries(), true)), 'invalid-input', 'model-package-unreadable'],
    ['a truncated .tar', 'cut.tar', async () => cut(await tarOf(packageEntries(), false)), 'invalid-input', 'model-package-unreadable'],
    ['a truncated .zip', 'cut.zip', async () => cut(await zipOf(packageEntries())), 'invalid-input', 'model-package-unreadable'],
    ['a manifest that lists no files', 'unlisted.tar', () => tarOf(packageEntries(files, '', manifestFor(files, { files: undefined })), false), 'invalid-input', 'model-package-bad-manifest'],
    ['a file that is no archive', 'notes.txt', () => Buffer.from('field notes, not a model'), 'invalid-input', 'model-package-not-package'],
    ['a model file onnxruntime cannot open', 'garbage.zip', () => zipOf(packageEntries(garbage, '', manifestFor(garbage, { sha256: undefined }))), 'invalid-input', 'model-package-does-not-load'],
  ])('%s', async (_what, name, build, code, key) => {
    const t = testBackend();
    const result = await t.call('models.install', { package: place(name, await build()) });
    expect(result).toMatchObject({ ok: false, error: { code, says: { key, values: { name } } } });
    expect(tree(path.join(t.dataDir, 'models'))).toEqual([]);
    expect(fs.existsSync('/tmp/camtrap-evil.txt')).toBe(false);
    expect(tree(t.dataDir).filter((f) => f.includes('evil'))).toEqual([]);
    expect(await t.must('models.list', {})).toEqual([]);
  }, 60_000);

  it('refuses a folder whose model file is a link, or that has no manifest', async () => {
    const t = testBackend();
    const linked = writeFolder(path.join(work, 'linked'), [
      ...packageEntries().filter((e) => e.name !== 'model.onnx'),
      { name: 'model.onnx', type: 'symlink', linkname: path.join(writeFolder(path.join(work, 'real'), packageEntries()), 'model.onnx') },
    ]);
    expect(await t.call('models.install', { package: linked })).toMatchObject({ ok: false, error: { says: { key: 'model-package-link', values: { entry: 'model.onnx' } } } });
    const bare = writeFolder(path.join(work, 'bare'), packageEntries().filter((e) => e.name !== 'manifest.json'));
    expect(await t.call('models.install', { package: bare })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/holds no manifest.json/) } });
    expect(tree(path.join(t.dataDir, 'models'))).toEqual([]);
  });

  it('says when the disk has no room for the model, before copying anything', async () => {
    const modelsDir = path.join(tempDir(), 'models');
    const folder = writeFolder(path.join(work, 'roomless'), packageEntries());
    await expect(installModelPackage(folder, { modelsDir, packages: () => [], freeBytes: () => Promise.resolve(1_000_000) })).rejects.toMatchObject({ code: 'disk-full', says: { key: 'model-package-no-space' } });
    expect(tree(modelsDir)).toEqual([]);
  });
});
