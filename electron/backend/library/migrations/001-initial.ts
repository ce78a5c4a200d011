import type { Migration } from './migration.ts';

export const m001Initial: Migration = {
  version: 1,
  name: 'initial library: settings, locations, deployments, imports, media',
  sql: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE locations (
      location_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
      longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE deployments (
      deployment_id TEXT PRIMARY KEY,
      location_id TEXT NOT NULL REFERENCES locations(location_id),
      deployment_start TEXT NOT NULL,
      deployment_end TEXT NOT NULL,
      camera_id TEXT,
      camera_model TEXT,
      camera_height REAL,
      bait_use INTEGER CHECK (bait_use IN (0, 1)),
      deployment_comments TEXT,
      clock_offset_s INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX deployments_location ON deployments(location_id);

    CREATE TABLE imports (
      import_id INTEGER PRIMARY KEY,
      deployment_id TEXT NOT NULL REFERENCES deployments(deployment_id),
      source_root TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'interrupted', 'source-lost', 'disk-full', 'failed')),
      message TEXT,
      owner_pid INTEGER,
      started_at TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;

    CREATE TABLE media (
      media_pk INTEGER PRIMARY KEY,
      media_id TEXT NOT NULL UNIQUE,
      deployment_id TEXT NOT NULL REFERENCES deployments(deployment_id),
      import_id INTEGER NOT NULL REFERENCES imports(import_id),
      file_path TEXT NOT NULL UNIQUE,
      source_path TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE,
      size INTEGER NOT NULL,
      media_type TEXT NOT NULL CHECK (media_type IN ('image', 'video')),
      mime TEXT NOT NULL,
      taken_at_original TEXT NOT NULL,
      taken_at_ms INTEGER NOT NULL,
      timestamp_ms INTEGER NOT NULL,
      time_from_file INTEGER NOT NULL CHECK (time_from_file IN (0, 1)),
      camera_make TEXT,
      camera_model TEXT,
      camera_serial TEXT,
      gps_latitude REAL,
      gps_longitude REAL,
      orientation INTEGER,
      width INTEGER,
      height INTEGER,
      sequence_no INTEGER,
      exif_json TEXT,
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX media_deployment_time ON media(deployment_id, timestamp_ms);
    CREATE INDEX media_time ON media(timestamp_ms);
    CREATE INDEX media_import ON media(import_id);

    CREATE TABLE import_items (
      import_id INTEGER NOT NULL REFERENCES imports(import_id),
      source_path TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'failed', 'not-imported')),
      reason TEXT,
      media_pk INTEGER REFERENCES media(media_pk),
      PRIMARY KEY (import_id, source_path)
    ) STRICT;
  `,
};
