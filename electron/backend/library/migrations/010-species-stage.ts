import type { Migration } from './migration.ts';

export const m010SpeciesStage: Migration = {
  version: 10,
  name: 'a species classifier run after detection, in the same job or on an earlier run',
  sql: `
    -- The classifier a run uses (the name goes in the existing "classifier" column), and the
    -- detector confidence a box needs to be classified.
    ALTER TABLE detection_runs ADD COLUMN classifier_id TEXT;
    ALTER TABLE detection_runs ADD COLUMN classifier_version TEXT;
    ALTER TABLE detection_runs ADD COLUMN classify_threshold REAL CHECK (classify_threshold IS NULL OR classify_threshold BETWEEN 0 AND 1);
    -- 'crop': each animal box is classified; 'full': the whole picture, once.
    ALTER TABLE detection_runs ADD COLUMN classify_crop TEXT CHECK (classify_crop IS NULL OR classify_crop IN ('crop', 'full'));
    -- When the classifier has been through a picture, or why it could not: a job resumes with
    -- the pictures that have a result but no classification yet.
    ALTER TABLE detection_results ADD COLUMN classified_at TEXT;
    ALTER TABLE detection_results ADD COLUMN classify_failure TEXT;
    CREATE INDEX detection_results_unclassified ON detection_results(run_id, media_pk) WHERE classified_at IS NULL AND status = 'ok';
    CREATE INDEX classifications_species ON classifications(scientific_name, media_pk) WHERE kind = 'prediction';
  `,
};
