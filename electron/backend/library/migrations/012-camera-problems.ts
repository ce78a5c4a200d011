import type { Migration } from './migration.ts';

export const m012CameraProblems: Migration = {
  version: 12,
  name: 'periods a camera did not work, and deployments entered by dates only',
  sql: `
    -- 1: setup and retrieval were entered as days without times; effort counts those days half, as camtrapR does.
    ALTER TABLE deployments ADD COLUMN dates_only INTEGER NOT NULL DEFAULT 0 CHECK (dates_only IN (0, 1));
    -- problem_from/problem_to are station wall-clock readings, YYYY-MM-DD (whole days) or
    -- YYYY-MM-DD HH:MM:SS, as people wrote them; from_ms/to_ms the span they stand for (a day
    -- runs to the next midnight), kept to find the records taken while the camera was out.
    CREATE TABLE camera_problems (
      problem_id INTEGER PRIMARY KEY,
      deployment_id TEXT NOT NULL REFERENCES deployments(deployment_id) ON DELETE CASCADE,
      problem_from TEXT NOT NULL,
      problem_to TEXT NOT NULL,
      from_ms INTEGER NOT NULL,
      to_ms INTEGER NOT NULL CHECK (to_ms >= from_ms),
      reason TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX camera_problems_deployment ON camera_problems(deployment_id, from_ms);
    -- Folder names of hand-sorted cards, mapped once to a species (or to unknown) and remembered.
    CREATE TABLE folder_species (
      folder_name TEXT PRIMARY KEY COLLATE NOCASE,
      scientific_name TEXT,
      observation_type TEXT NOT NULL CHECK (observation_type IN ('animal', 'human', 'vehicle', 'unknown', 'blank'))
    ) STRICT;
  `,
};
