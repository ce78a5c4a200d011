import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfExample, editCsv, newLibrary } from './package-import-support.ts';
import { openDatabase } from '../../../electron/backend/library/db.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

let db: Database.Database;

beforeAll(() => {
  db = openDatabase(path.join(tempDir(), 'plans.sqlite'));
  db.exec('ANALYZE');
});

afterAll(() => {
  db.close();
  removeTempDirs();
});

describe('migration 7, imported packages', () => {
  it('makes STRICT tables (their query plans are checked in migration-plans.test.ts)', () => {
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'package_%'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['package_deployments', 'package_imports', 'package_media', 'package_observations']);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\) STRICT$/);
  });

  it('lets the library go on as before: a deployment of remote media can be deleted, and labels from a package can be undone and forgotten', async () => {
    const dir = copyOfExample();
    const localIDs = new Set(['7ab33b3a', 'd9ef08ec', 'aebe5b85', 'e638613e', 'c40a4854', 'fd2f32cc', 'b6a04f58', '9c58aea8', 'ad03acb4']);
    editCsv(path.join(dir, 'observations.csv'), (rows) => rows.map((r) => (localIDs.has(r[2] ?? '') ? r.map((c, j) => (j === 22 ? 'human' : c)) : r)));
    const t = testBackend();
    await newLibrary(t);
    const report = await t.must('exchange.importCamtrapDp', { source: dir });
    expect(report.added).toMatchObject({ observations: 9, detections: 1 });
    const lib = t.backend.requireLibrary().db;

    await t.must('deployment.delete', { deploymentID: '00a2c20d' });
    expect(lib.prepare("SELECT COUNT(*) FROM package_media WHERE deployment_id = '00a2c20d'").pluck().get()).toBe(0);
    expect(lib.prepare("SELECT COUNT(*) FROM package_observations WHERE deployment_id = '00a2c20d'").pluck().get()).toBe(0);

    expect(await t.must('review.undo', {})).toMatchObject({ kind: 'label', media: 9 });
    const [first] = await t.must('media.page', { deploymentID: '62c200a9', limit: 1 }).then((p) => p.items);
    if (!first) throw new Error('no media');
    await t.must('review.markEmpty', { target: { mediaIDs: [first.mediaID] } });
    expect(lib.prepare("SELECT COUNT(*) FROM package_observations WHERE placed = 'label' AND observation_pk IS NULL").pluck().get()).toBe(9);
  });
});
