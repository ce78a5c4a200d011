import { nowIso } from '../../electron/backend/library/ids.ts';
import { recomputeAllEvents } from '../../electron/backend/library/independent-events.ts';
import { createLibrary, type Library } from '../../electron/backend/library/open-library.ts';

const categories = ['animal', 'animal', 'animal', 'person', 'vehicle'] as const;

export interface ScaleShape {
  media: number;
  boxesPerMedia: number;
  deployments: number;
}

/**
 * A real project's size in a real library file: stations spread over a year at 200 places, media
 * in bursts of five, boxes from one detection run. Rows only: the files are not there.
 */
export function fillScaleLibrary(lib: Library, { media, boxesPerMedia, deployments }: ScaleShape): void {
  const { db } = lib;
  db.transaction(() => {
    const at = nowIso();
    for (let d = 0; d < deployments; d += 1) {
      db.prepare('INSERT INTO locations (location_id, name, latitude, longitude, created_at) VALUES (?, ?, ?, ?, ?)').run(`loc${d}`, `Station ${d}`, -2 + (d % 20) * 0.05, 34 + Math.floor(d / 20) * 0.05, at);
      db.prepare('INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, created_at) VALUES (?, ?, ?, ?, ?)').run(`dep${d}`, `loc${d}`, '2023-01-01T00:00:00+03:00', '2023-12-31T23:59:59+03:00', at);
    }
    db.prepare("INSERT INTO imports (import_id, deployment_id, source_root, state, started_at) VALUES (1, 'dep0', '/synthetic', 'done', ?)").run(at);
    db.prepare("INSERT INTO detection_runs (run_id, model_id, model_name, model_version, default_threshold, keep_threshold, scope_json, state, runner, total, created_at) VALUES (1, 'm', 'm', '1', 0.2, 0.005, '{}', 'done', 'cpu', ?, ?)").run(media, at);
    const insertMedia = db.prepare(
      `INSERT INTO media (media_pk, media_id, deployment_id, import_id, file_path, source_path, file_name, sha256, size, media_type, mime, taken_at_original, taken_at_ms, timestamp_ms, time_from_file, sequence_no, imported_at)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, 1000, 'image', 'image/jpeg', '', ?, ?, 0, ?, ?)`,
    );
    const insertResult = db.prepare("INSERT INTO detection_results (run_id, media_pk, status, max_conf, finished_at) VALUES (1, ?, 'ok', ?, ?)");
    const insertBox = db.prepare('INSERT INTO detections (run_id, media_pk, category, conf, x, y, w, h) VALUES (1, ?, ?, ?, 0.1, 0.1, 0.2, 0.2)');
    const year = Date.parse('2023-01-01T00:00:00Z');
    for (let i = 1; i <= media; i += 1) {
      const d = i % deployments;
      const burst = Math.floor(i / (deployments * 5));
      const t = year + ((burst * 7919) % 360) * 86_400_000 + ((burst * 104_729) % 86_400) * 1000 + (i % 5) * 2000;
      const hex = i.toString(16).padStart(16, '0');
      insertMedia.run(i, hex, `dep${d}`, `media/dep${d}/${hex}.JPG`, `${hex}.JPG`, `${hex}.JPG`, hex.padEnd(64, '0'), t, t, burst + 1, at);
      const confs = Array.from({ length: boxesPerMedia }, (_, b) => ((i * 31 + b * 17) % 100) / 100);
      insertResult.run(i, Math.max(...confs), at);
      confs.forEach((conf, b) => insertBox.run(i, categories[(i + b) % categories.length], conf));
    }
  })();
}

/**
 * A library of 200 stations with events at root (where the start page's one-click library is, in
 * the e2e tests). Deployments begin on different days, so each station has its own trap nights
 * and its own events per 100 trap nights.
 */
export function twoHundredStations(root: string): void {
  const lib = createLibrary(root);
  fillScaleLibrary(lib, { media: 2000, boxesPerMedia: 2, deployments: 200 });
  const start = lib.db.prepare('UPDATE deployments SET deployment_start = ? WHERE deployment_id = ?');
  for (let d = 0; d < 200; d += 1) start.run(new Date(Date.parse('2023-01-01T00:00:00Z') - ((d * 37) % 200) * 86_400_000).toISOString().replace('.000Z', 'Z'), `dep${d}`);
  recomputeAllEvents(lib.db);
  lib.close();
}
