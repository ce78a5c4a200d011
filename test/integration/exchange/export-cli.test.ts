import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { copySpec } from '../../../build/scripts/copy-spec.mjs';
import { testBackend } from '../../support/backend.ts';
import { heronDeployment } from '../../support/heron-deployment.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { heronMedia } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

const cli = path.resolve('electron/backend/cli/camtrap-station.mjs');
let library: string;
let env: NodeJS.ProcessEnv;

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

function run(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
}

beforeAll(async () => {
  copySpec();
  const work = tempDir();
  env = { ...process.env, CAMTRAP_DATA_DIR: path.join(work, 'data') };
  library = path.join(work, 'library');
  const t = testBackend();
  await t.must('library.create', { path: library });
  const { location, deployment } = heronDeployment();
  await t.must('location.add', location);
  await t.must('deployment.add', deployment);
  await importAndWait(t, heronMedia(), deployment.deploymentID);
  await t.must('species.ensure', { scientificName: 'Ardea cinerea' });
  await t.must('review.label', { target: { deploymentID: deployment.deploymentID, sequenceNo: 1 }, scientificName: 'Ardea cinerea', count: 1, classifiedBy: 'Ada Field' });
  await t.must('project.set', {
    title: 'Heron watch',
    samplingDesign: 'targeted',
    captureMethod: ['activityDetection'],
    individualAnimals: false,
    observationLevel: ['media', 'event'],
    contributors: [{ name: 'Ada Field', email: 'ada@example.org', role: 'contact' }],
    dataLicence: 'CC0-1.0',
    mediaLicence: 'CC-BY-4.0',
  });
  t.backend.close();
}, 60_000);
afterAll(removeTempDirs);

describe('camtrap-station export-camtrap-dp', () => {
  it('writes a ZIP of one deployment and says where', async () => {
    const out = tempDir();
    const r = run(['export-camtrap-dp', '--library', library, '--deployment', '62c200a9', '--zip', out]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Wrote a valid Camtrap DP 1\.0\.2 package to .*camtrap-dp-Heron-watch-\d{4}-\d{2}-\d{2}\.zip: deployments: 1, media: 10, observations: 11 \(media level: 10, event level: 1\), files: 10\.$/m);
    expect(fs.readdirSync(out)).toEqual([expect.stringMatching(/\.zip$/)]);
    const entries = await zipEntries(path.join(out, fs.readdirSync(out)[0] as string));
    expect(entries.filter((e) => !e.startsWith('media/'))).toEqual(['datapackage.json', 'deployments.csv', 'media.csv', 'observations.csv']);
    expect(entries.filter((e) => e.startsWith('media/62c200a9/'))).toHaveLength(10);
  });

  it('exits non-zero with the list of problems when the package would be invalid, and writes nothing', () => {
    const db = new Database(path.join(library, 'library.sqlite'));
    db.prepare("UPDATE project SET website = 'heron watch'").run();
    db.close();
    const out = tempDir();
    const r = run(['export-camtrap-dp', '--library', library, out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('The package did not pass the check, so nothing was written');
    expect(r.stdout).toContain('datapackage.json: homepage "heron watch" is not a valid uri.');
    expect(r.stdout).toContain('datapackage.json: the homepage "heron watch" must start with https:// or http://.');
    expect(fs.readdirSync(out)).toEqual([]);
    const json = run(['--json', 'export-camtrap-dp', '--library', library, out]);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ state: 'invalid', problems: expect.arrayContaining([{ key: 'gbif-homepage-no-protocol', values: { file: 'datapackage.json', value: 'heron watch' } }]) });
  });

  it('refuses a media base that would make an absolute path, as a usage error', () => {
    const r = run(['export-camtrap-dp', '--library', library, '--media', 'none', '--media-base', '/srv/media', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a web address \(https:\/\/…\) or a path relative to the package/);
  });
});
