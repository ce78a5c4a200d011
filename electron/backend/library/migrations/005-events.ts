import type { Migration } from './migration.ts';

export const m005Events: Migration = {
  version: 5,
  name: 'independent events per deployment and species or class, kept up to date as labels and results change',
  sql: `
    CREATE TABLE events (
      event_id INTEGER PRIMARY KEY,
      deployment_id TEXT NOT NULL REFERENCES deployments(deployment_id),
      taxon TEXT NOT NULL,
      start_ms INTEGER NOT NULL,
      end_ms INTEGER NOT NULL,
      records INTEGER NOT NULL,
      last_media_pk INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX events_taxon_time ON events(taxon, start_ms, deployment_id);
    CREATE INDEX events_deployment ON events(deployment_id, taxon);
  `,
};
