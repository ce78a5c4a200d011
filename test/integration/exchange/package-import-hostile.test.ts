import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfExample, editCsv, examplePackage, libraryState, newLibrary, zipFolder } from './package-import-support.ts';
import type { PackageImportReport } from '../../../electron/backend/exchange/camtrap-dp/import/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

/** Imports a package into a fresh library, or the one given, and checks that a refusal changed nothing at all. */
async function refusedImport(source: string, prepare?: (t: ReturnType<typeof testBackend>) => Promise<void>, extra: { mediaFolder?: string } = {}): Promise<PackageImportReport> {
  const t = testBackend();
  const root = await newLibrary(t);
  await prepare?.(t);
  const before = libraryState(root);
  const report = await t.must('exchange.importCamtrapDp', { source, ...extra });
  expect(report.outcome).toBe('refused');
  expect(report.problems.length).toBeGreaterThan(0);
  expect(libraryState(root)).toEqual(before);
  return report;
}

const keys = (r: PackageImportReport) => r.problems.map((p) => p.key);

describe('a package that cannot be imported is refused with its problems, and the library stays exactly as it was', () => {
  it('refuses a value the standard does not allow, naming the file, row and column', async () => {
    const dir = copyOfExample(false);
    editCsv(path.join(dir, 'deployments.csv'), (rows) => rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === 3 ? 'north' : c)) : r)));
    const report = await refusedImport(dir);
    expect(report.problems).toContainEqual(expect.objectContaining({ values: expect.objectContaining({ file: 'deployments.csv', row: 3, column: 'latitude' }) }));
  });

  it('refuses media files that are in neither the package nor the media folder, listing them; allowed, they become references', async () => {
    const dir = copyOfExample(false);
    const report = await refusedImport(dir);
    expect(keys(report).filter((k) => k === 'package-import-file-missing')).toHaveLength(10);
    expect(report.problems[0]).toMatchObject({ values: { file: 'media.csv', path: expect.stringMatching(/^media\/.*RCNX00\d\d\.JPG$/) } });

    const t = testBackend();
    await newLibrary(t);
    const allowed = await t.must('exchange.importCamtrapDp', { source: dir, allowMissing: true });
    expect(allowed).toMatchObject({ outcome: 'imported', files: { copied: 0, missing: 10, remote: 413 }, added: { media: 0, remoteMedia: 423 } });
    expect(allowed.missingFiles).toHaveLength(10);
  });

  it('finds the files in a media folder the user names', async () => {
    const dir = copyOfExample(false);
    const t = testBackend();
    await newLibrary(t);
    const report = await t.must('exchange.importCamtrapDp', { source: dir, mediaFolder: path.join(examplePackage(), 'media') });
    expect(report).toMatchObject({ outcome: 'imported', files: { copied: 10, missing: 0 } });
  });

  it('refuses an ID used twice', async () => {
    const dir = copyOfExample();
    editCsv(path.join(dir, 'media.csv'), (rows) => [...rows, rows[1] as string[]]);
    const report = await refusedImport(dir);
    expect(report.problems).toContainEqual(expect.objectContaining({ values: expect.objectContaining({ file: 'media.csv', column: 'mediaID', row: 425 }) }));
  });

  it('reports a deploymentID the library has already and overwrites nothing', async () => {
    const report = await refusedImport(examplePackage(), async (t) => {
      await t.must('location.add', { locationID: 'mine', locationName: 'My station', latitude: 1, longitude: 2 });
      await t.must('deployment.add', { deploymentID: '62c200a9', locationID: 'mine', deploymentStart: '2024-01-01T00:00:00Z', deploymentEnd: '2024-02-01T00:00:00Z' });
    });
    expect(report.problems).toEqual([{ key: 'package-import-deployment-taken', values: { deployment: '62c200a9' } }]);
  });

  it('refuses the same package a second time: its deployments, media and observations are in the library already', async () => {
    const t = testBackend();
    const root = await newLibrary(t);
    await t.must('exchange.importCamtrapDp', { source: examplePackage() });
    const before = libraryState(root);
    const again = await t.must('exchange.importCamtrapDp', { source: examplePackage() });
    expect(again.outcome).toBe('refused');
    expect(keys(again)).toContain('package-import-deployment-taken');
    expect(libraryState(root)).toEqual(before);
  });

  it('removes the files it copied when a later file turns out bad', async () => {
    const dir = copyOfExample();
    fs.writeFileSync(path.join(dir, 'media', '20210531082541-RCNX0040.JPG'), 'not a picture at all');
    const report = await refusedImport(dir);
    expect(report.problems).toEqual([{ key: 'package-import-file-wrong-kind', values: { path: 'media/20210531082541-RCNX0040.JPG', kind: 'JPEG image' } }]);
  });

  it('refuses a file named by a path that leads out of the package', async () => {
    const dir = copyOfExample();
    editCsv(path.join(dir, 'media.csv'), (rows) => rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === 4 ? 'media/../../outside.jpg' : c)) : r)));
    const report = await refusedImport(dir);
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it('refuses a zip with an entry that climbs out of its folder, and writes nothing outside', async () => {
    const zip = await zipFolder(examplePackage(), (z) => z.addBuffer(Buffer.from('x'), 'zz/evil.txt'));
    // yazl will not write such a name: it is put in by hand, in both places a zip names an entry.
    const bytes = fs.readFileSync(zip);
    fs.writeFileSync(zip, Buffer.from(bytes.toString('latin1').replaceAll('zz/evil.txt', '../evil.txt'), 'latin1'));
    const report = await refusedImport(zip);
    expect(report.problems).toEqual([{ key: 'package-import-zip-unsafe-entry', values: { entry: '../evil.txt' } }]);
    expect(fs.existsSync(path.join(path.dirname(zip), 'evil.txt'))).toBe(false);
  });

  it('refuses a zip that holds a link', async () => {
    const zip = await zipFolder(examplePackage(), (z) => z.addBuffer(Buffer.from('/etc/passwd'), 'media/link.JPG', { mode: 0o120777 }));
    const report = await refusedImport(zip);
    expect(report.problems).toEqual([{ key: 'package-import-zip-link', values: { entry: 'media/link.JPG' } }]);
  });

  it('refuses what is not a package', async () => {
    const t = testBackend();
    await newLibrary(t);
    const file = path.join(copyOfExample(false), 'deployments.csv');
    const report = await t.must('exchange.importCamtrapDp', { source: file });
    expect(report.problems).toEqual([{ key: 'package-import-not-a-package', values: { path: file } }]);
    const empty = path.dirname(file);
    fs.rmSync(path.join(empty, 'datapackage.json'));
    expect((await t.must('exchange.importCamtrapDp', { source: empty })).problems).toEqual([{ key: 'package-descriptor-missing', values: { folder: empty } }]);
  });
});

describe('a package from a zip', () => {
  it('imports the example zipped as it imports its folder, and leaves nothing unpacked behind', async () => {
    const zip = await zipFolder(examplePackage());
    const t = testBackend();
    const root = await newLibrary(t);
    const report = await t.must('exchange.importCamtrapDp', { source: zip });
    expect(report).toMatchObject({ outcome: 'imported', files: { copied: 10, remote: 413 }, added: { deployments: 4, media: 10 } });
    expect(fs.readdirSync(path.join(root, '.partial'))).toEqual([]);
  });
});

describe('cancelling a package import', () => {
  it('stops copying, removes what it copied, and keeps nothing', async () => {
    const t = testBackend();
    const root = await newLibrary(t);
    const before = libraryState(root);
    t.backend.on('task.updated', (task) => {
      if (task.kind === 'package-import' && task.state === 'running' && task.done >= 1) t.backend.tasks.cancel(task.id);
    });
    const report = await t.must('exchange.importCamtrapDp', { source: examplePackage() });
    expect(report.outcome).toBe('cancelled');
    expect(libraryState(root)).toEqual(before);
    expect(t.backend.tasks.list().find((task) => task.kind === 'package-import')).toMatchObject({ state: 'cancelled', says: [{ key: 'package-import-cancelled' }] });
  });
});
