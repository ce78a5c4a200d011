import type { Migration } from './migration.ts';

export const m009PmtilesLayers: Migration = {
  version: 9,
  name: 'PMTiles archives (vector or raster) among the map layers',
  sql: `
    -- SQLite cannot widen a CHECK in place: the table is copied into one that also takes
    -- PMTiles archives, whose tiles may be vector (mvt) as well as raster.
    CREATE TABLE map_layers_new (
      layer_id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('tiles', 'geojson', 'pmtiles')),
      name TEXT NOT NULL,
      file TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('png', 'jpg', 'webp', 'geojson', 'mvt')),
      min_zoom INTEGER NOT NULL,
      max_zoom INTEGER NOT NULL,
      bounds TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO map_layers_new SELECT layer_id, kind, name, file, format, min_zoom, max_zoom, bounds, created_at FROM map_layers;
    DROP TABLE map_layers;
    ALTER TABLE map_layers_new RENAME TO map_layers;
  `,
};
