import type { Migration } from './migration.ts';

export const m004Review: Migration = {
  version: 4,
  name: 'species list, human observations, and the review actions they came from (for undo)',
  sql: `
    CREATE TABLE species (
      scientific_name TEXT PRIMARY KEY,
      vernacular_name TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX species_vernacular ON species(vernacular_name COLLATE NOCASE);

    CREATE TABLE review_actions (
      action_id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('label', 'false-detection', 'empty')),
      summary TEXT NOT NULL,
      created_at TEXT NOT NULL,
      undone_at TEXT
    ) STRICT;

    CREATE TABLE observations (
      observation_id INTEGER PRIMARY KEY,
      media_pk INTEGER NOT NULL REFERENCES media(media_pk),
      detection_id INTEGER REFERENCES detections(detection_id) ON DELETE SET NULL,
      observation_type TEXT NOT NULL CHECK (observation_type IN ('animal', 'human', 'vehicle', 'blank', 'unknown')),
      scientific_name TEXT REFERENCES species(scientific_name),
      count INTEGER CHECK (count IS NULL OR count >= 1),
      false_detection INTEGER NOT NULL DEFAULT 0 CHECK (false_detection IN (0, 1)),
      classified_by TEXT,
      created_at TEXT NOT NULL,
      action_id INTEGER NOT NULL REFERENCES review_actions(action_id),
      superseded_by INTEGER REFERENCES review_actions(action_id)
    ) STRICT;
    CREATE INDEX observations_media ON observations(media_pk) WHERE superseded_by IS NULL;
    CREATE INDEX observations_species ON observations(scientific_name, media_pk) WHERE superseded_by IS NULL;
    CREATE INDEX observations_action ON observations(action_id);
    CREATE INDEX observations_superseded ON observations(superseded_by) WHERE superseded_by IS NOT NULL;
  `,
};
