import { tempDir } from './temp-dir.ts';
import { nowIso } from '../../electron/backend/library/ids.ts';
import { createLibrary, type Library } from '../../electron/backend/library/open-library.ts';

/** A real library file with one deployment and media rows whose files are not there: for services that never read pixels. */
export function syntheticLibrary(media: number): Library {
  const library = createLibrary(tempDir('camtrap-synthetic-'));
  const { db } = library;
  const at = nowIso();
  db.transaction(() => {
    db.prepare("INSERT INTO locations (location_id, name, latitude, longitude, created_at) VALUES ('loc1', 'Pond', 50.7, 4.0, ?)").run(at);
    db.prepare("INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, created_at) VALUES ('dep1', 'loc1', '2023-01-01T00:00:00Z', '2023-12-31T00:00:00Z', ?)").run(at);
    db.prepare("INSERT INTO imports (import_id, deployment_id, source_root, state, started_at) VALUES (1, 'dep1', '/card', 'done', ?)").run(at);
    const insert = db.prepare(
      `INSERT INTO media (media_pk, media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime, taken_at_original, taken_at_ms, timestamp_ms, time_from_file, sequence_no, imported_at)
       VALUES (?, ?, 'dep1', 1, ?, ?, ?, ?, 1000, 'image', 'image/jpeg', '', ?, ?, 0, ?, ?)`,
    );
    for (let i = 1; i <= media; i += 1) {
      const hex = i.toString(16).padStart(16, '0');
      const t = Date.parse('2023-05-01T00:00:00Z') + i * 3_600_000;
      insert.run(i, hex, `media/dep1/${hex}.JPG`, `${hex}.JPG`, `${hex}.JPG`, hex.padEnd(64, '0'), t, t, i, at);
    }
  })();
  return library;
}

/** Adds stations scattered evenly over 10° by 12° of East Africa, each with one deployment of a year: for the map's drawing. */
export function addSyntheticStations(library: Library, count: number): void {
  const { db } = library;
  const at = nowIso();
  const addLocation = db.prepare('INSERT INTO locations (location_id, name, latitude, longitude, created_at) VALUES (?, ?, ?, ?, ?)');
  const addDeployment = db.prepare("INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, created_at) VALUES (?, ?, '2023-01-01T00:00:00Z', '2023-12-31T00:00:00Z', ?)");
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      // Golden-ratio steps: spread without a grid's rows, the same every run.
      addLocation.run(`grid${i}`, `Grid station ${i}`, -5 + ((i * 0.618034) % 1) * 10, 30 + ((i * 0.414214) % 1) * 12, at);
      addDeployment.run(`grid${i}-2023`, `grid${i}`, at);
    }
  })();
}
