import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/library/migrate.ts';
import { migrations } from '../../../electron/backend/library/migrations/index.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('migration 8: imported detection runs, video frames, machine classifications', () => {
  it('upgrades a library of version 7 and keeps its runs, results and boxes; deleting a run takes its classifications', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    for (const m of migrations.filter((x) => x.version <= 7)) raw.exec(m.sql);
    raw.pragma('user_version = 7');
    raw.exec(`
      INSERT INTO locations VALUES ('l', 'Pond', 50, 4, 'now');
      INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, created_at) VALUES ('d', 'l', '2023-01-01T00:00:00Z', '2023-02-01T00:00:00Z', 'now');
      INSERT INTO imports (import_id, deployment_id, source_root, state, started_at) VALUES (1, 'd', '/card', 'done', 'now');
      INSERT INTO media (media_pk, media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime, taken_at_original, taken_at_ms, timestamp_ms, time_from_file, imported_at)
        VALUES (1, '0000000000000001', 'd', 1, 'media/d/a.jpg', 'a.jpg', 'a.jpg', 'x', 1, 'image', 'image/jpeg', '', 0, 0, 0, 'now');
      INSERT INTO detection_runs (run_id, model_id, model_name, model_version, default_threshold, keep_threshold, scope_json, state, runner, total, created_at)
        VALUES (1, 'mdv5a', 'MegaDetector v5a', '5a.0.0', 0.2, 0.005, '{}', 'done', 'cpu', 1, 'now');
      INSERT INTO detection_results (run_id, media_pk, status, finished_at) VALUES (1, 1, 'ok', 'now');
      INSERT INTO detections (run_id, media_pk, category, conf, x, y, w, h) VALUES (1, 1, 'animal', 0.9, 0.1, 0.1, 0.2, 0.2);
    `);
    expect(migrate(raw).from).toBe(7);
    expect(raw.prepare('SELECT imported_from, classifier, info_json FROM detection_runs').get()).toEqual({ imported_from: null, classifier: null, info_json: null });
    expect(raw.prepare('SELECT frame_number FROM detections').get()).toEqual({ frame_number: null });
    raw.prepare("INSERT INTO classifications (run_id, media_pk, detection_id, kind, rank, label, observation_type, conf) VALUES (1, 1, 1, 'ranked', 1, 'fox', 'animal', 0.8)").run();
    expect(() => raw.prepare("INSERT INTO classifications (run_id, media_pk, kind, rank, label, observation_type, conf) VALUES (1, 1, 'ranked', 1, 'fox', 'animal', 1.5)").run()).toThrow(/CHECK constraint/);
    expect(() => raw.prepare("UPDATE detection_results SET frame_rate = 0").run()).toThrow(/CHECK constraint/);
    raw.prepare('DELETE FROM detection_runs WHERE run_id = 1').run();
    expect(raw.prepare('SELECT COUNT(*) AS n FROM classifications').get()).toEqual({ n: 0 });
    raw.close();
  });
});
