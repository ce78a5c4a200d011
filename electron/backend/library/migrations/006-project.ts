import type { Migration } from './migration.ts';

export const m006Project: Migration = {
  version: 6,
  name: 'project metadata for Camtrap DP: one project per library and its contributors',
  sql: `
    -- One row, written the first time someone saves the project form; until then the app offers defaults.
    CREATE TABLE project (
      project_id INTEGER PRIMARY KEY CHECK (project_id = 1),
      title TEXT NOT NULL,
      acronym TEXT,
      description TEXT,
      website TEXT,
      sampling_design TEXT NOT NULL CHECK (sampling_design IN ('simpleRandom', 'systematicRandom', 'clusteredRandom', 'experimental', 'targeted', 'opportunistic')),
      -- JSON arrays of the Camtrap DP terms: activityDetection/timeLapse, media/event.
      capture_method TEXT NOT NULL CHECK (json_valid(capture_method)),
      individual_animals INTEGER NOT NULL CHECK (individual_animals IN (0, 1)),
      observation_level TEXT NOT NULL CHECK (json_valid(observation_level)),
      data_licence TEXT NOT NULL,
      media_licence TEXT NOT NULL,
      bibliographic_citation TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE project_contributors (
      position INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT,
      role TEXT NOT NULL CHECK (role IN ('contact', 'principalInvestigator', 'rightsHolder', 'publisher', 'contributor')),
      organization TEXT
    ) STRICT;
  `,
};
