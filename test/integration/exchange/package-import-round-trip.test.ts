import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { examplePackage, newLibrary } from './package-import-support.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

/** What a library holds of a package, in terms that do not depend on the row numbers a database hands out. */
function holdings(root: string) {
  const db = new Database(path.join(root, 'library.sqlite'), { readonly: true });
  const all = (sql: string) => db.prepare(sql).all();
  try {
    return {
      locations: all('SELECT location_id, name, latitude, longitude FROM locations ORDER BY location_id'),
      deployments: all(
        'SELECT deployment_id, location_id, deployment_start, deployment_end, camera_id, camera_model, camera_height, bait_use, deployment_comments FROM deployments ORDER BY deployment_id',
      ),
      media: all('SELECT deployment_id, sha256, size, media_type, mime, taken_at_original, timestamp_ms, file_name FROM media ORDER BY sha256'),
      remoteMedia: all(
        'SELECT media_id, deployment_id, availability, timestamp_ms, file_path, file_public, file_name, file_mediatype FROM package_media WHERE media_pk IS NULL ORDER BY media_id',
      ),
      labels: all(
        `SELECT m.sha256, o.observation_type, o.scientific_name, o.count, o.classified_by FROM observations o JOIN media m USING (media_pk)
         WHERE o.superseded_by IS NULL ORDER BY 1, 2, 3, 4, 5`,
      ),
      boxes: all(
        `SELECT m.sha256, d.category, round(d.conf, 6) AS conf, round(d.x, 5) AS x, round(d.y, 5) AS y, round(d.w, 5) AS w, round(d.h, 5) AS h
         FROM detections d JOIN media m USING (media_pk) ORDER BY 1, 4, 5`,
      ),
      counts: {
        deployments: db.prepare('SELECT COUNT(*) FROM deployments').pluck().get(),
        media: db.prepare('SELECT COUNT(*) FROM package_media').pluck().get(),
        observations: db.prepare('SELECT COUNT(*) FROM package_observations').pluck().get(),
        mediaObservations: db.prepare("SELECT COUNT(*) FROM package_observations WHERE observation_level = 'media'").pluck().get(),
      },
    };
  } finally {
    db.close();
  }
}

describe('the Camtrap DP round trip', () => {
  it('imports the example, exports it, and imports the export into a new library with the same deployments, media, observations and counts', async () => {
    const first = testBackend();
    const firstRoot = await newLibrary(first);
    const imported = await first.must('exchange.importCamtrapDp', { source: examplePackage() });
    expect(imported.outcome).toBe('imported');

    const out = tempDir('export-');
    const exported = await first.must('exchange.exportCamtrapDp', { folder: out, media: 'copy' });
    expect(exported.problems).toEqual([]);
    expect(exported.state).toBe('written');

    const second = testBackend();
    const secondRoot = await newLibrary(second);
    const again = await second.must('exchange.importCamtrapDp', { source: exported.folder ?? out });
    expect(again.problems).toEqual([]);
    expect(again.outcome).toBe('imported');
    expect(again.rows).toEqual(imported.rows);

    expect(holdings(secondRoot)).toEqual(holdings(firstRoot));
  });
});
