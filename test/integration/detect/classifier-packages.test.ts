import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { tarOf, zipOf, type Entry } from './model-packages.ts';
import { findClassifiers } from '../../../electron/backend/detect/classify/find-classifiers.ts';
import { findModels } from '../../../electron/backend/detect/find-models.ts';
import { testBackend } from '../../support/backend.ts';
import { testModelsDir } from '../../support/models.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';
import { listedFiles, tinyClassifierPackage, tinyLabels } from '../../support/tiny-classifier.ts';

afterAll(removeTempDirs);
beforeEach(() => {
  // Nothing installed anywhere but what a test installs.
  process.env.CAMTRAP_MODELS_DIRS = tempDir('camtrap-no-models-');
  process.env.CAMTRAP_RESOURCES_DIR = path.join(tempDir(), 'no-bundled-resources');
});

/** Everything under a folder, as relative names. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** A package folder's files as archive entries, under a top folder when one is given. */
function entriesOf(dir: string, top = ''): Entry[] {
  return fs.readdirSync(dir).map((name) => ({ name: top ? `${top}/${name}` : name, data: fs.readFileSync(path.join(dir, name)) }));
}

function place(name: string, data: Buffer): string {
  const file = path.join(tempDir('camtrap-stick-'), name);
  fs.writeFileSync(file, data);
  return file;
}

const installedFiles = ['tiny-test-classifier', 'tiny-test-classifier/labels.txt', 'tiny-test-classifier/manifest.json', 'tiny-test-classifier/model.onnx'];
const tinyInfo = { id: 'tiny-test-classifier', name: 'Tiny test classifier', version: '1', licence: 'Apache-2.0', available: true, problem: null, labels: 6, species: 4, development: true };

describe('adding a species classifier package', () => {
  it('installs the package from a folder, runs it once, and lists it apart from the detectors', async () => {
    const t = testBackend();
    const events: unknown[] = [];
    t.backend.on('models.installed', (e) => events.push(e));
    const installed = await t.must('models.install', { package: tinyClassifierPackage() });
    expect(installed).toEqual({ kind: 'classifier', model: tinyInfo, replacedVersion: null });
    expect(events).toEqual([installed]);
    expect(tree(path.join(t.dataDir, 'models'))).toEqual(installedFiles);
    expect(await t.must('models.classifiers', {})).toEqual([tinyInfo]);
    expect(await t.must('models.list', {})).toEqual([]);

    const again = await t.call('models.install', { package: tinyClassifierPackage() });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', says: { key: 'model-package-already-installed' } } });
    const newer = await t.must('models.install', { package: tinyClassifierPackage(undefined, { manifest: { version: '2' } }) });
    expect(newer).toMatchObject({ kind: 'classifier', model: { version: '2' }, replacedVersion: '1' });
    expect(tree(path.join(t.dataDir, 'models'))).toEqual(installedFiles);
  }, 60_000);

  it.each([
    ['a .tar.gz with the package in a folder', 'tiny.tar.gz', (dir: string) => tarOf(entriesOf(dir, 'tiny'), true)],
    ['a .zip with the package at its root', 'tiny.zip', (dir: string) => zipOf(entriesOf(dir))],
  ])('installs %s', async (_what, name, build) => {
    const t = testBackend();
    const installed = await t.must('models.install', { package: place(name, await build(tinyClassifierPackage())) });
    expect(installed).toMatchObject({ kind: 'classifier', model: tinyInfo });
    expect(tree(path.join(t.dataDir, 'models'))).toEqual(installedFiles);
    expect(findClassifiers(t.dataDir)).toMatchObject([{ id: 'tiny-test-classifier', labels: [...tinyLabels], problem: null }]);
  }, 60_000);

  const labels = (lines: string[]) => `${lines.join('\n')}\n`;
  it.each<[string, () => string | Promise<string>, string, string, Record<string, unknown>]>([
    ['a label line without its 7 parts', () => tinyClassifierPackage(undefined, { labels: labels([...tinyLabels.slice(0, 2), 'lion;mammalia;carnivora', ...tinyLabels.slice(3)]) }), 'invalid-input', 'classifier-labels-bad-line', { file: 'labels.txt', line: 3 }],
    ['an empty labels file', () => tinyClassifierPackage(undefined, { labels: '' }), 'invalid-input', 'classifier-labels-empty', { file: 'labels.txt' }],
    ['a labels file that is no text', () => tinyClassifierPackage(undefined, { labels: Buffer.from([0xff, 0xfe, 0x00, 0x62]) }), 'invalid-input', 'classifier-labels-not-text', { file: 'labels.txt' }],
    ['fewer labels than the model gives answers', () => tinyClassifierPackage(undefined, { labels: labels(tinyLabels.slice(0, 5)) }), 'invalid-input', 'classifier-labels-do-not-match', { outputs: 6, labels: 5 }],
    [
      'a model whose checksum differs from the one listed',
      () => {
        const dir = tinyClassifierPackage();
        const model = fs.readFileSync(path.join(dir, 'model.onnx'));
        model.writeUInt8(model.readUInt8(model.length - 3) ^ 0xff, model.length - 3);
        fs.writeFileSync(path.join(dir, 'model.onnx'), model);
        return dir;
      },
      'bad-checksum',
      'model-package-bad-checksum',
      { file: 'model.onnx' },
    ],
    [
      'a .tar.gz whose labels differ from the ones listed',
      async () => {
        const dir = tinyClassifierPackage();
        fs.writeFileSync(path.join(dir, 'labels.txt'), fs.readFileSync(path.join(dir, 'labels.txt'), 'utf8').replace('lion', 'liom'));
        return place('tiny.tar.gz', await tarOf(entriesOf(dir), true));
      },
      'bad-checksum',
      'model-package-bad-checksum',
      { file: 'labels.txt' },
    ],
    ['a manifest that does not list its labels', () => tinyClassifierPackage(undefined, { manifest: { files: [] } }), 'invalid-input', 'model-package-bad-manifest', {}],
    [
      'a manifest that lists the model but not the labels',
      () => {
        const dir = tinyClassifierPackage();
        return tinyClassifierPackage(dir, { manifest: { files: listedFiles(dir).filter((f) => f.name !== 'labels.txt') } });
      },
      'invalid-input',
      'model-package-bad-manifest',
      { detail: 'files: the file labels.txt is not listed' },
    ],
    [
      'a model file onnxruntime cannot open',
      () => {
        const dir = tinyClassifierPackage();
        fs.writeFileSync(path.join(dir, 'model.onnx'), 'not an ONNX model');
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
        fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, sha256: undefined, files: listedFiles(dir) }));
        return dir;
      },
      'invalid-input',
      'model-package-does-not-load',
      { name: 'tiny-test-classifier' },
    ],
    ['a manifest naming a geofence it does not list', () => tinyClassifierPackage(undefined, { manifest: { geofence: 'geofence.json' } }), 'invalid-input', 'model-package-bad-manifest', { detail: 'files: the file geofence.json is not listed' }],
  ])('refuses %s and leaves nothing behind', async (_what, build, code, key, values) => {
    const t = testBackend();
    const result = await t.call('models.install', { package: await build() });
    expect(result).toMatchObject({ ok: false, error: { code, says: { key, values } } });
    expect(tree(path.join(t.dataDir, 'models'))).toEqual([]);
    expect(await t.must('models.classifiers', {})).toEqual([]);
  }, 60_000);

  it('refuses a classifier that takes the name of an installed detector', async () => {
    process.env.CAMTRAP_MODELS_DIRS = testModelsDir();
    const t = testBackend();
    const result = await t.call('models.install', { package: tinyClassifierPackage(undefined, { manifest: { id: 'nanodet-m-416' } }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', says: { key: 'model-package-other-kind', values: { id: 'nanodet-m-416' } } } });
  });
});

describe('finding classifier packages', () => {
  it('lists detectors and classifiers apart, each package in one list only', async () => {
    const models = testModelsDir();
    tinyClassifierPackage(path.join(models, 'tiny-test-classifier'));
    process.env.CAMTRAP_MODELS_DIRS = models;
    const t = testBackend();
    expect(findModels(t.dataDir).map((m) => m.id)).toEqual(['nanodet-m-416']);
    expect(findClassifiers(t.dataDir).map((c) => c.id)).toEqual(['tiny-test-classifier']);
    expect((await t.must('models.list', {})).map((m) => m.id)).toEqual(['nanodet-m-416']);
    expect(await t.must('models.classifiers', {})).toEqual([tinyInfo]);
  });

  it('lists a package whose labels are wrong or missing with its problem, and nothing to run', () => {
    const models = tempDir('camtrap-models-');
    tinyClassifierPackage(path.join(models, 'bad-labels'), { labels: 'a;b\nc;d\n', manifest: { id: 'bad-labels' } });
    fs.rmSync(path.join(tinyClassifierPackage(path.join(models, 'no-labels'), { manifest: { id: 'no-labels' } }), 'labels.txt'));
    tinyClassifierPackage(path.join(models, 'one-label'), { labels: `${tinyLabels[0]}\n`, manifest: { id: 'one-label' } });
    process.env.CAMTRAP_MODELS_DIRS = models;
    const found = findClassifiers(tempDir()).sort((a, b) => a.id.localeCompare(b.id));
    expect(found.map((c) => [c.id, c.modelFile, c.labels, c.problem])).toEqual([
      ['bad-labels', null, [], expect.stringMatching(/^Line 1 of labels.txt is not a species label/)],
      ['no-labels', null, [], expect.stringMatching(/^labels.txt, the list of species .* is missing/)],
      ['one-label', null, [], expect.stringMatching(/^labels.txt lists a single label/)],
    ]);
  });
});
