import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/library/db.ts';
import { latestVersion } from '../../../electron/backend/library/migrations/index.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

// One block per migration: the queries the app runs on what that migration made, and the index
// each one must use, so that a later change that loses an index fails here, not at 1M rows.
let db: Database.Database;

beforeAll(() => {
  db = openDatabase(path.join(tempDir(), 'plans.sqlite'));
  // The planner chooses as it would on a real library, not on empty tables.
  db.exec('ANALYZE');
});

afterAll(() => {
  db.close();
  removeTempDirs();
});

function plan(sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('query plans of each migration', () => {
  it('covers every migration there is', () => {
    expect(latestVersion).toBe(12);
  });

  it('1, the library: locations of a deployment, media by import and by time', () => {
    expect(plan('SELECT deployment_id FROM deployments WHERE location_id = ?', 'l')).toMatch(/USING (COVERING )?INDEX deployments_location/);
    expect(plan('SELECT media_pk FROM media WHERE import_id = ?', 1)).toMatch(/USING (COVERING )?INDEX media_import/);
    expect(plan('SELECT media_pk FROM media WHERE timestamp_ms BETWEEN ? AND ?', 0, 1)).toMatch(/USING (COVERING )?INDEX media_time/);
  });

  it('2, detection: the results and boxes of a picture', () => {
    expect(plan('SELECT status FROM detection_results WHERE media_pk = ?', 1)).toMatch(/USING INDEX detection_results_media/);
    expect(plan('SELECT conf FROM detections WHERE media_pk = ? AND run_id = ? AND conf >= ?', 1, 1, 0.2)).toMatch(/USING (COVERING )?INDEX detections_media/);
    expect(plan('SELECT 1 FROM detection_results WHERE run_id = ? AND media_pk = ?', 1, 1)).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_detection_results_1|USING PRIMARY KEY/);
  });

  it('3, container runs: the checkpoint of a job by its id', () => {
    expect(plan('SELECT results_offset, container_id FROM detection_runs WHERE run_id = ?', 1)).toMatch(/USING INTEGER PRIMARY KEY/);
  });

  it('4, review: current labels of a picture and of a species, the actions to undo, species by common name', () => {
    expect(plan('SELECT * FROM observations WHERE media_pk = ? AND superseded_by IS NULL', 1)).toMatch(/USING INDEX observations_media/);
    expect(plan('SELECT media_pk FROM observations WHERE scientific_name = ? AND superseded_by IS NULL', 'Ardea')).toMatch(/USING (COVERING )?INDEX observations_species/);
    expect(plan('SELECT observation_id FROM observations WHERE action_id = ?', 1)).toMatch(/USING (COVERING )?INDEX observations_action/);
    expect(plan('SELECT observation_id FROM observations WHERE superseded_by = ?', 1)).toMatch(/USING (COVERING )?INDEX observations_superseded/);
    expect(plan('SELECT scientific_name FROM species WHERE vernacular_name >= ? COLLATE NOCASE AND vernacular_name < ? COLLATE NOCASE', 'he', 'hf')).toMatch(/USING (COVERING )?INDEX species_vernacular/);
  });

  it('5, events and the grid: events of a taxon in a range, the grid pages, sequences, paths without case', () => {
    expect(plan('SELECT seq FROM events WHERE deployment_id = ? AND taxon = ? AND start_ms < ? ORDER BY start_ms DESC LIMIT 1', 'd', 't', 0)).toMatch(/USING (COVERING )?INDEX events_deployment_taxon_time/);
    expect(plan('SELECT deployment_id FROM events WHERE taxon = ? AND start_ms BETWEEN ? AND ?', 't', 0, 1)).toMatch(/USING (COVERING )?INDEX events_taxon_time/);
    expect(plan('SELECT media_pk FROM media ORDER BY timestamp_ms, file_path LIMIT 200')).toMatch(/USING (COVERING )?INDEX media_time_path/);
    expect(plan('SELECT media_pk FROM media WHERE deployment_id = ? ORDER BY timestamp_ms, file_path LIMIT 200', 'd')).toMatch(/USING (COVERING )?INDEX media_deployment_time_path/);
    expect(plan('SELECT COUNT(DISTINCT sequence_no) FROM media WHERE deployment_id = ?', 'd')).toMatch(/USING (COVERING )?INDEX media_sequence/);
    expect(plan('SELECT 1 FROM media WHERE file_path = ? COLLATE NOCASE', 'x')).toMatch(/USING (COVERING )?INDEX media_path_nocase/);
  });

  it('6, project: one row and its contributors in order', () => {
    expect(plan('SELECT title FROM project WHERE project_id = 1')).toMatch(/USING INTEGER PRIMARY KEY/);
    expect(plan('SELECT name, role FROM project_contributors ORDER BY position')).not.toMatch(/TEMP B-TREE/);
  });

  it('7, imported packages: remote media of a deployment by time, kept rows by level, observation, box and media ID', () => {
    expect(plan('SELECT media_id FROM package_media WHERE deployment_id = ? AND media_pk IS NULL AND timestamp_ms >= ? ORDER BY timestamp_ms', 'd', 0)).toMatch(/USING INDEX package_media_deployment_time/);
    expect(plan("SELECT observation_id FROM package_observations WHERE deployment_id = ? AND observation_level = 'event'", 'd')).toMatch(/USING INDEX package_observations_deployment/);
    expect(plan('SELECT observation_id FROM package_observations WHERE observation_pk = ?', 1)).toMatch(/USING (COVERING )?INDEX package_observations_observation/);
    expect(plan('SELECT observation_id FROM package_observations WHERE detection_id = ?', 1)).toMatch(/USING (COVERING )?INDEX package_observations_detection/);
    expect(plan('SELECT 1 FROM package_media WHERE media_id = ?', 'm')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_package_media_\d/);
  });

  it('8, imported results: machine classifications by picture and run, by box, by run', () => {
    expect(plan('SELECT label FROM classifications WHERE media_pk = ? AND run_id = ?', 1, 1)).toMatch(/USING INDEX classifications_result/);
    expect(plan('SELECT label FROM classifications WHERE detection_id = ?', 1)).toMatch(/USING INDEX classifications_detection/);
    expect(plan('SELECT COUNT(*) FROM classifications WHERE run_id = ?', 1)).toMatch(/USING (COVERING )?INDEX classifications_run/);
  });

  it('9, PMTiles layers: the archive behind a served layer, by its id', () => {
    expect(plan("SELECT file FROM map_layers WHERE layer_id = ? AND kind = 'pmtiles'", 'abcd0123')).toMatch(/USING INDEX sqlite_autoindex_map_layers_1/);
  });

  it('10, the species stage: pictures of a run still to classify, machine predictions of a species', () => {
    expect(plan("SELECT media_pk FROM detection_results WHERE run_id = ? AND status = 'ok' AND classified_at IS NULL", 1)).toMatch(/USING (COVERING )?INDEX detection_results_unclassified/);
    expect(plan("SELECT media_pk FROM classifications WHERE scientific_name = ? AND kind = 'prediction'", 'Panthera leo')).toMatch(/USING (COVERING )?INDEX classifications_species/);
  });

  it('11, video metadata: the videos among the media, of the library and of a deployment', () => {
    expect(plan("SELECT COUNT(*) FROM media WHERE media_type = 'video'")).toMatch(/USING (COVERING )?INDEX media_videos/);
    expect(plan("SELECT COUNT(*) FROM media WHERE deployment_id = ? AND media_type = 'video'", 'd')).toMatch(/USING (COVERING )?INDEX media_videos/);
  });

  it("12, camera problems: a deployment's problems in order, and whether a record falls in one", () => {
    expect(plan('SELECT problem_id FROM camera_problems WHERE deployment_id = ? ORDER BY from_ms', 'd')).toMatch(/USING (COVERING )?INDEX camera_problems_deployment/);
    expect(plan('SELECT 1 FROM camera_problems WHERE deployment_id = ? AND from_ms <= ? AND to_ms > ?', 'd', 0, 0)).toMatch(/USING (COVERING )?INDEX camera_problems_deployment/);
  });
});
