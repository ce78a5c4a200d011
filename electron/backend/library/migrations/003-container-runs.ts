import type { Migration } from './migration.ts';

export const m003ContainerRuns: Migration = {
  version: 3,
  name: 'detection runs in a container: its id, and how far its results file has been read',
  sql: `
    ALTER TABLE detection_runs ADD COLUMN container_id TEXT;
    ALTER TABLE detection_runs ADD COLUMN results_offset INTEGER NOT NULL DEFAULT 0;
  `,
};
