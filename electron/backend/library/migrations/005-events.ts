import type { Migration } from './migration.ts';

export const m005Events: Migration = {
  version: 5,
  name: 'independent events per deployment and species or class, kept up to date as labels and results change; grid indexes',
  sql: `
    CREATE TABLE events (
      event_id INTEGER PRIMARY KEY,
      deployment_id TEXT NOT NULL REFERENCES deployments(deployment_id),
      taxon TEXT NOT NULL,
      start_ms INTEGER NOT NULL,
      end_ms INTEGER NOT NULL,
      records INTEGER NOT NULL,
      last_media_pk INTEGER NOT NULL,
      -- The event's number within its deployment and taxon, in time order: the events of a date
      -- range are then the difference of two numbers found by two index seeks.
      seq INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX events_taxon_time ON events(taxon, start_ms, deployment_id);
    CREATE UNIQUE INDEX events_deployment_taxon_time ON events(deployment_id, taxon, start_ms, seq);

    -- The grid pages through time with a stable order, and counts sequences.
    CREATE INDEX media_time_path ON media(timestamp_ms, file_path);
    CREATE INDEX media_deployment_time_path ON media(deployment_id, timestamp_ms, file_path);
    CREATE INDEX media_sequence ON media(deployment_id, sequence_no);
    -- Library paths are compared without case: a library may move to a case-insensitive disk.
    CREATE INDEX media_path_nocase ON media(file_path COLLATE NOCASE);

    -- The user's own map detail: MBTiles files and GeoJSON overlays copied into the library.
    CREATE TABLE map_layers (
      layer_id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('tiles', 'geojson')),
      name TEXT NOT NULL,
      file TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('png', 'jpg', 'webp', 'geojson')),
      min_zoom INTEGER NOT NULL,
      max_zoom INTEGER NOT NULL,
      bounds TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
