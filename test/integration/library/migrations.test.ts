import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/library/db.ts';
import { migrate } from '../../../electron/backend/library/migrate.ts';
import { latestVersion, migrations } from '../../../electron/backend/library/migrations/index.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('library migrations', () => {
  it('numbers migrations from 1 without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: latestVersion }, (_, i) => i + 1));
  });

  it('migration 1 makes STRICT tables, WAL, foreign keys, and indexes the queries use', () => {
    const db = openDatabase(path.join(tempDir(), 'lib.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['camera_problems', 'classifications', 'deployments', 'detection_results', 'detection_run_media', 'detection_runs', 'detections', 'events', 'folder_species', 'import_items', 'imports', 'locations', 'map_layers', 'media', 'observations', 'package_deployments', 'package_imports', 'package_media', 'package_observations', 'project', 'project_contributors', 'review_actions', 'settings', 'species']);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\) STRICT(, WITHOUT ROWID)?$/);
    expect(plan(db, 'SELECT * FROM media WHERE deployment_id = ? ORDER BY timestamp_ms LIMIT 100', 'd')).toMatch(/USING INDEX media_deployment_time/);
    expect(plan(db, 'SELECT media_pk FROM media WHERE sha256 = ?', 'x')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_media_\d/);
    expect(plan(db, 'SELECT 1 FROM media WHERE file_path = ?', 'x')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_media_\d/);
    expect(() => db.prepare("INSERT INTO locations VALUES ('l', 'x', 'north', 0, 'now')").run()).toThrow(/cannot store TEXT value in REAL column/);
    db.close();
  });

  it('applies all pending steps in one transaction: a failing step leaves the file as it was', () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE locations (x TEXT)');
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE name = 'settings'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a library made by a newer version, in words a user can act on, without touching it', async () => {
    const t = testBackend();
    const dir = path.join(tempDir(), 'library');
    await t.must('library.create', { path: dir });
    await t.must('library.close', {});
    const raw = new Database(path.join(dir, 'library.sqlite'));
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.close();
    const opened = await t.call('library.open', { path: dir });
    expect(opened).toMatchObject({ ok: false, error: { code: 'library-newer', message: expect.stringMatching(/made by a newer version.*Update the app/) } });
    const after = new Database(path.join(dir, 'library.sqlite'));
    expect(after.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    after.close();
  });
});
