import crypto from 'node:crypto';
import path from 'node:path';
import type { Db } from '../../../electron/backend/library/db.ts';
import { nowIso } from '../../../electron/backend/library/ids.ts';
import { localTimeToMs } from '../../../electron/backend/library/local-time.ts';
import type { testBackend } from '../../support/backend.ts';
import { tempDir } from '../../support/temp-dir.ts';

export interface PlannedMedia {
  deploymentID: string;
  /** Path inside the deployment's folder, as on the card: DCIM/100RECNX/IMG_0001.JPG. */
  path: string;
  /** Camera time, YYYY-MM-DD HH:MM:SS. */
  time: string;
  type?: 'image' | 'video';
}

export interface PlannedStation {
  locationID: string;
  name: string;
  latitude: number;
  longitude: number;
  deployments: { deploymentID: string; start: string; end: string }[];
}

const defaultStations: PlannedStation[] = [
  { locationID: 'loc1', name: 'Pond', latitude: 50.7, longitude: 4.0, deployments: [{ deploymentID: 'dep1', start: '2023-01-01T00:00:00+01:00', end: '2023-12-31T00:00:00+01:00' }] },
  { locationID: 'loc2', name: 'Ridge', latitude: 50.8, longitude: 4.1, deployments: [{ deploymentID: 'dep2', start: '2023-01-01T00:00:00+01:00', end: '2023-12-31T00:00:00+01:00' }] },
];

/**
 * A real library, made through the RPC, whose media rows are written as an import would write
 * them (media/<deployment>/<path on the card>) without the files: results are matched by path.
 */
export async function libraryWithMedia(
  t: ReturnType<typeof testBackend>,
  media: PlannedMedia[],
  stations: PlannedStation[] = defaultStations,
  /** Makes deployments another way (a station table) before the media are written. */
  before?: () => Promise<unknown>,
): Promise<{ db: Db; root: string; pks: Map<string, number> }> {
  const root = path.join(tempDir('camtrap-exchange-'), 'library');
  await t.must('library.create', { path: root });
  await before?.();
  for (const s of stations) {
    await t.must('location.add', { locationID: s.locationID, locationName: s.name, latitude: s.latitude, longitude: s.longitude });
    for (const d of s.deployments) await t.must('deployment.add', { deploymentID: d.deploymentID, locationID: s.locationID, deploymentStart: d.start, deploymentEnd: d.end });
  }
  const { db } = t.backend.requireLibrary();
  const at = nowIso();
  const pks = new Map<string, number>();
  db.transaction(() => {
    const imports = new Map<string, number>();
    const insertImport = db.prepare("INSERT INTO imports (deployment_id, source_root, state, started_at) VALUES (?, '/card', 'done', ?)");
    const insert = db.prepare(
      `INSERT INTO media (media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime, taken_at_original, taken_at_ms, timestamp_ms, time_from_file, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1000, ?, ?, ?, ?, ?, 0, ?)`,
    );
    media.forEach((m, i) => {
      let importId = imports.get(m.deploymentID);
      if (importId === undefined) {
        importId = Number(insertImport.run(m.deploymentID, at).lastInsertRowid);
        imports.set(m.deploymentID, importId);
      }
      const id = (i + 1).toString(16).padStart(16, '0');
      const filePath = `media/${m.deploymentID}/${m.path}`;
      const ms = localTimeToMs(m.time);
      const video = m.type === 'video';
      const pk = Number(
        insert.run(id, m.deploymentID, importId, filePath, m.path, path.posix.basename(m.path), crypto.createHash('sha256').update(filePath).digest('hex'), video ? 'video' : 'image', video ? 'video/mp4' : 'image/jpeg', m.time, ms, ms, at)
          .lastInsertRowid,
      );
      pks.set(filePath, pk);
    });
  })();
  return { db, root, pks };
}

/** Every row of every table, to prove that a refused import changed nothing at all. */
export function everyTable(db: Db): Record<string, unknown[]> {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}
