import type { Migration } from './migration.ts';

export const m008ImportedResults: Migration = {
  version: 8,
  name: 'detection runs imported from MegaDetector or SpeciesNet files, video frames of results, and machine classifications',
  sql: `
    -- A run read from a results file rather than run here: the file's name, the detector and
    -- classifier it names, its conservative threshold, and its "info" as written (JSON).
    ALTER TABLE detection_runs ADD COLUMN imported_from TEXT;
    ALTER TABLE detection_runs ADD COLUMN classifier TEXT;
    ALTER TABLE detection_runs ADD COLUMN conservative_threshold REAL;
    ALTER TABLE detection_runs ADD COLUMN info_json TEXT;
    -- Videos: the frame rate, the frames looked at (JSON list of frame numbers), and the frame of each box.
    ALTER TABLE detection_results ADD COLUMN frame_rate REAL CHECK (frame_rate IS NULL OR frame_rate > 0);
    ALTER TABLE detection_results ADD COLUMN frames_processed TEXT;
    ALTER TABLE detections ADD COLUMN frame_number INTEGER CHECK (frame_number IS NULL OR frame_number >= 0);
    -- What a classifier said about a box (detection_id) or about the whole picture (detection_id
    -- NULL, as SpeciesNet's top-5 and its ensemble's final prediction): machine output, kept apart
    -- from the observations people make, so it never passes for a person's label.
    CREATE TABLE classifications (
      classification_id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL,
      media_pk INTEGER NOT NULL,
      detection_id INTEGER REFERENCES detections(detection_id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('prediction', 'ranked')),
      rank INTEGER NOT NULL CHECK (rank >= 1),
      label TEXT NOT NULL,
      description TEXT,
      observation_type TEXT NOT NULL CHECK (observation_type IN ('animal', 'human', 'vehicle', 'blank', 'unknown')),
      scientific_name TEXT,
      vernacular_name TEXT,
      conf REAL NOT NULL CHECK (conf BETWEEN 0 AND 1),
      source TEXT,
      FOREIGN KEY (run_id, media_pk) REFERENCES detection_results(run_id, media_pk) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX classifications_result ON classifications(media_pk, run_id);
    CREATE INDEX classifications_detection ON classifications(detection_id) WHERE detection_id IS NOT NULL;
    CREATE INDEX classifications_run ON classifications(run_id);
  `,
};
