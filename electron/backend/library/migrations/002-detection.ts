import type { Migration } from './migration.ts';

export const m002Detection: Migration = {
  version: 2,
  name: 'detection runs, one result per image per run, and their boxes',
  sql: `
    CREATE TABLE detection_runs (
      run_id INTEGER PRIMARY KEY,
      model_id TEXT NOT NULL,
      model_name TEXT NOT NULL,
      model_version TEXT NOT NULL,
      default_threshold REAL NOT NULL,
      keep_threshold REAL NOT NULL,
      scope_json TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'paused', 'cancelled', 'done', 'failed')),
      runner TEXT NOT NULL,
      runner_reason TEXT,
      message TEXT,
      owner_pid INTEGER,
      total INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      started_at TEXT,
      ended_at TEXT
    ) STRICT;

    CREATE TABLE detection_run_media (
      run_id INTEGER NOT NULL REFERENCES detection_runs(run_id) ON DELETE CASCADE,
      media_pk INTEGER NOT NULL REFERENCES media(media_pk),
      PRIMARY KEY (run_id, media_pk)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE detection_results (
      run_id INTEGER NOT NULL REFERENCES detection_runs(run_id) ON DELETE CASCADE,
      media_pk INTEGER NOT NULL REFERENCES media(media_pk),
      status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
      truncated INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
      failure TEXT,
      max_conf REAL,
      finished_at TEXT NOT NULL,
      PRIMARY KEY (run_id, media_pk)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX detection_results_media ON detection_results(media_pk);

    CREATE TABLE detections (
      detection_id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL,
      media_pk INTEGER NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('animal', 'person', 'vehicle')),
      conf REAL NOT NULL,
      x REAL NOT NULL,
      y REAL NOT NULL,
      w REAL NOT NULL,
      h REAL NOT NULL,
      FOREIGN KEY (run_id, media_pk) REFERENCES detection_results(run_id, media_pk) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX detections_media ON detections(media_pk, run_id, conf);
  `,
};
