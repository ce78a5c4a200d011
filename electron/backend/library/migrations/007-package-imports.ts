import type { Migration } from './migration.ts';

export const m007PackageImports: Migration = {
  version: 7,
  name: 'Camtrap DP packages imported from other tools: their remote media, their observations as given, and where each went',
  sql: `
    CREATE TABLE package_imports (
      package_import_id INTEGER PRIMARY KEY,
      source TEXT NOT NULL,
      media_folder TEXT,
      package_name TEXT,
      package_title TEXT,
      profile_version TEXT NOT NULL,
      report_json TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;

    -- The Camtrap DP deployment columns the library has no column for (setupBy, habitat, featureType, ...), as the package gave them.
    CREATE TABLE package_deployments (
      deployment_id TEXT PRIMARY KEY REFERENCES deployments(deployment_id) ON DELETE CASCADE,
      package_import_id INTEGER NOT NULL REFERENCES package_imports(package_import_id),
      fields_json TEXT NOT NULL
    ) STRICT;

    -- Every media row of an imported package. A file copied into the library points to its media row;
    -- a URL, or a file that was in neither the package nor the folder the user named, stays a reference.
    CREATE TABLE package_media (
      package_media_pk INTEGER PRIMARY KEY,
      package_import_id INTEGER NOT NULL REFERENCES package_imports(package_import_id),
      media_id TEXT NOT NULL UNIQUE,
      deployment_id TEXT NOT NULL REFERENCES deployments(deployment_id) ON DELETE CASCADE,
      media_pk INTEGER UNIQUE REFERENCES media(media_pk) ON DELETE SET NULL,
      availability TEXT NOT NULL CHECK (availability IN ('copied', 'url', 'missing')),
      timestamp TEXT NOT NULL,
      -- Wall-clock time at the station, as media.timestamp_ms keeps it.
      timestamp_ms INTEGER NOT NULL,
      file_path TEXT NOT NULL,
      file_public INTEGER NOT NULL CHECK (file_public IN (0, 1)),
      file_name TEXT,
      file_mediatype TEXT NOT NULL,
      capture_method TEXT CHECK (capture_method IS NULL OR capture_method IN ('activityDetection', 'timeLapse')),
      exif_data TEXT,
      favorite INTEGER CHECK (favorite IS NULL OR favorite IN (0, 1)),
      media_comments TEXT
    ) STRICT;
    CREATE INDEX package_media_deployment_time ON package_media(deployment_id, timestamp_ms);

    -- Every observation row of an imported package, as given. placed says where the library holds it:
    -- a label (observations), a box (detections of an imported run), a result with nothing found,
    -- or only here (event-level rows, rows on remote media, what the library has no place for).
    CREATE TABLE package_observations (
      package_observation_pk INTEGER PRIMARY KEY,
      package_import_id INTEGER NOT NULL REFERENCES package_imports(package_import_id),
      observation_id TEXT NOT NULL UNIQUE,
      deployment_id TEXT NOT NULL REFERENCES deployments(deployment_id) ON DELETE CASCADE,
      media_id TEXT REFERENCES package_media(media_id) ON DELETE CASCADE,
      event_id TEXT,
      event_start TEXT NOT NULL,
      event_end TEXT NOT NULL,
      observation_level TEXT NOT NULL CHECK (observation_level IN ('media', 'event')),
      observation_type TEXT NOT NULL CHECK (observation_type IN ('animal', 'human', 'vehicle', 'blank', 'unknown', 'unclassified')),
      scientific_name TEXT,
      count INTEGER CHECK (count IS NULL OR count >= 1),
      bbox_x REAL,
      bbox_y REAL,
      bbox_width REAL,
      bbox_height REAL,
      classification_method TEXT CHECK (classification_method IS NULL OR classification_method IN ('human', 'machine')),
      classified_by TEXT,
      classification_timestamp TEXT,
      classification_probability REAL,
      -- The other columns (lifeStage, sex, behavior, individualID, observationTags, observationComments, ...).
      fields_json TEXT NOT NULL,
      placed TEXT NOT NULL CHECK (placed IN ('label', 'box', 'empty-result', 'kept')),
      observation_pk INTEGER REFERENCES observations(observation_id) ON DELETE SET NULL,
      detection_id INTEGER REFERENCES detections(detection_id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX package_observations_deployment ON package_observations(deployment_id, observation_level);
    CREATE INDEX package_observations_media ON package_observations(media_id);
    CREATE INDEX package_observations_observation ON package_observations(observation_pk);
    CREATE INDEX package_observations_detection ON package_observations(detection_id);
  `,
};
