import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfExample, csvRecords, editCsv, examplePackage, newLibrary } from './package-import-support.ts';
import type { TaskInfo } from '../../../electron/backend/tasks/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { snapshotTree } from '../../support/snapshot-tree.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

/** The example's own tables, read independently of the import, as objects by column name. */
function table(name: string): Record<string, string>[] {
  const [header = [], ...rows] = csvRecords(path.join(examplePackage(), `${name}.csv`));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const count = (db: Database.Database, sql: string, ...params: unknown[]): number => db.prepare(sql).pluck().get(...params) as number;

describe('importing the Camtrap DP example into a new library', () => {
  it('brings every deployment, medium and observation of the CSVs, copies the 10 local pictures verified, and keeps the rest as references', async () => {
    const t = testBackend();
    const root = await newLibrary(t);
    const source = examplePackage();
    const before = snapshotTree(source);
    const tasks: TaskInfo[] = [];
    t.backend.on('task.updated', (task) => tasks.push(task));

    const report = await t.must('exchange.importCamtrapDp', { source });

    const deployments = table('deployments');
    const media = table('media');
    const observations = table('observations');
    const local = media.filter((m) => !m.filePath?.startsWith('https://'));
    const localIDs = new Set(local.map((m) => m.mediaID));
    const onLocal = observations.filter((o) => o.observationLevel === 'media' && localIDs.has(o.mediaID ?? ''));
    expect(report).toMatchObject({
      outcome: 'imported',
      profileVersion: '1.0.2',
      packageName: 'camtrap-dp-example-dataset',
      problems: [],
      rows: { deployments: deployments.length, media: media.length, observations: observations.length },
      files: { copied: local.length, remote: media.length - local.length, missing: 0 },
      events: 'recomputed',
    });
    expect(local).toHaveLength(10);
    expect(report.added).toMatchObject({
      deployments: 4,
      locations: new Set(deployments.map((d) => d.locationID)).size,
      media: 10,
      remoteMedia: media.length - 10,
      observations: onLocal.filter((o) => o.classificationMethod !== 'machine').length,
      detections: onLocal.filter((o) => o.classificationMethod === 'machine' && o.bboxX !== '').length,
      detectionRuns: 1,
      eventObservations: observations.filter((o) => o.observationLevel === 'event').length,
    });
    expect(tasks.at(-1)).toMatchObject({ kind: 'package-import', state: 'done', done: 10, total: 10 });

    const db = new Database(path.join(root, 'library.sqlite'), { readonly: true });
    try {
      expect(count(db, 'SELECT COUNT(*) FROM deployments')).toBe(deployments.length);
      expect(count(db, 'SELECT COUNT(*) FROM media')).toBe(10);
      expect(count(db, 'SELECT COUNT(*) FROM package_media')).toBe(media.length);
      expect(count(db, "SELECT COUNT(*) FROM package_media WHERE availability = 'url'")).toBe(media.length - 10);
      expect(count(db, 'SELECT COUNT(*) FROM package_observations')).toBe(observations.length);
      expect(count(db, "SELECT COUNT(*) FROM package_observations WHERE placed = 'box'")).toBe(10);
      expect(count(db, 'SELECT COUNT(*) FROM detections d JOIN detection_runs r USING (run_id) WHERE r.runner = ? AND r.model_name = ?', 'imported', 'Western Europe species model Version 1')).toBe(10);
      // The model's species stays the model's: a classification of its box, never a person's label.
      expect(count(db, "SELECT COUNT(*) FROM classifications WHERE scientific_name = 'Ardea' AND detection_id IS NOT NULL")).toBe(10);
      expect(count(db, 'SELECT COUNT(*) FROM observations')).toBe(0);
      // The deployments keep their times with their offsets; the pictures' times are the station's wall clock.
      const heron = db.prepare("SELECT deployment_start AS start, deployment_end AS end, location_id AS location, camera_id AS camera FROM deployments WHERE deployment_id = '62c200a9'").get();
      expect(heron).toEqual({ start: '2021-03-27T21:38:18+01:00', end: '2021-04-18T22:25:00+01:00', location: 'ce943ced', camera: '315' });
      const first = db.prepare("SELECT m.taken_at_original AS taken, m.camera_serial AS serial, m.file_path AS file, m.sha256 FROM media m ORDER BY timestamp_ms LIMIT 1").get() as { taken: string; serial: string; file: string; sha256: string };
      expect(first).toMatchObject({ taken: '2021-04-11 20:43:09', serial: 'H2RXEM06043616', file: 'media/62c200a9/20210531082538-RCNX0031.JPG' });
      expect(count(db, "SELECT COUNT(DISTINCT sequence_no) FROM media WHERE deployment_id = '62c200a9'")).toBe(1);
      for (const row of db.prepare('SELECT file_path AS file, sha256 FROM media').all() as { file: string; sha256: string }[]) {
        const bytes = fs.readFileSync(path.join(root, row.file));
        expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
        expect(bytes.equals(fs.readFileSync(path.join(source, 'media', path.basename(row.file))))).toBe(true);
      }
      // Every name the observations use is on the species list, with the package's English name.
      expect(db.prepare("SELECT vernacular_name FROM species WHERE scientific_name = 'Ardea'").pluck().get()).toBe('great herons');
      const names = new Set(observations.map((o) => o.scientificName).filter(Boolean));
      expect(count(db, 'SELECT COUNT(*) FROM species')).toBeGreaterThanOrEqual(names.size);
      // The library's independent events come from the imported boxes.
      expect(count(db, "SELECT COUNT(*) FROM events WHERE deployment_id = '62c200a9' AND taxon = 'class:animal'")).toBe(1);
      expect(fs.readdirSync(path.join(root, '.partial'))).toEqual([]);
    } finally {
      db.close();
    }
    expect(snapshotTree(source)).toEqual(before);
  });

  it('keeps a package whose times are all in UTC in the time of each station, the same moments', async () => {
    const dir = copyOfExample();
    const utc = (text: string) => (/^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(Date.parse(text)).toISOString().replace('.000Z', 'Z') : text);
    editCsv(path.join(dir, 'deployments.csv'), (rows) => rows.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 6 || j === 7 ? utc(c) : c)))));
    editCsv(path.join(dir, 'media.csv'), (rows) => rows.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 3 ? utc(c) : c)))));
    const t = testBackend();
    const root = await newLibrary(t);
    const report = await t.must('exchange.importCamtrapDp', { source: dir });
    expect(report.outcome).toBe('imported');
    expect(report.warnings).toContainEqual({ key: 'package-import-warning-utc-times', values: { deployment: '62c200a9', offset: '+01:00' } });
    expect(report.warnings).toContainEqual({ key: 'package-import-warning-utc-times', values: { deployment: '00a2c20d', offset: '+02:00' } });
    const db = new Database(path.join(root, 'library.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT deployment_start FROM deployments WHERE deployment_id = '62c200a9'").pluck().get()).toBe('2021-03-27T21:38:18+01:00');
      expect(db.prepare("SELECT deployment_end FROM deployments WHERE deployment_id = '00a2c20d'").pluck().get()).toBe('2020-07-01T11:41:41+02:00');
      expect(db.prepare('SELECT taken_at_original FROM media ORDER BY timestamp_ms LIMIT 1').pluck().get()).toBe('2021-04-11 20:43:09');
    } finally {
      db.close();
    }
  });
});
