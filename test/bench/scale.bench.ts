// npm run bench:scale — a synthetic library of 1,000,000 detections over 100,000 media and 200
// deployments, and one of 10,000 detections over the same deployments: the map aggregation and
// one grid page at each size, with their ratios. Last line: map_ms <ms at 1M>.
import path from 'node:path';
import { mapActivity } from '../../electron/backend/analysis/map-activity.ts';
import { nowIso } from '../../electron/backend/library/ids.ts';
import { recomputeAllEvents } from '../../electron/backend/library/independent-events.ts';
import { mediaPage } from '../../electron/backend/library/media-queries.ts';
import { createLibrary, type Library } from '../../electron/backend/library/open-library.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

const deployments = 200;
const categories = ['animal', 'animal', 'animal', 'person', 'vehicle'] as const;

/** Media spread over a year at 200 stations, bursts of 5 pictures, 10 boxes each. */
function build(lib: Library, media: number, boxesPerMedia: number): number {
  const { db } = lib;
  const t0 = performance.now();
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
      const t = year + (burst * 7919 % 360) * 86_400_000 + ((burst * 104_729) % 86_400) * 1000 + (i % 5) * 2000;
      const hex = i.toString(16).padStart(16, '0');
      insertMedia.run(i, hex, `dep${d}`, `media/dep${d}/${hex}.JPG`, `${hex}.JPG`, `${hex}.JPG`, hex.padEnd(64, '0'), t, t, burst + 1, at);
      const confs = Array.from({ length: boxesPerMedia }, (_, b) => ((i * 31 + b * 17) % 100) / 100);
      insertResult.run(i, Math.max(...confs), at);
      confs.forEach((conf, b) => insertBox.run(i, categories[(i + b) % categories.length], conf));
    }
  })();
  const built = performance.now() - t0;
  const e0 = performance.now();
  recomputeAllEvents(db);
  void built;
  return performance.now() - e0;
}

function best(f: () => unknown, runs = 7): number {
  let min = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function measure(media: number, boxes: number) {
  const lib = createLibrary(path.join(tempDir(), `scale-${media}`));
  const eventsMs = build(lib, media, boxes);
  const events = (lib.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  const map = best(() => mapActivity(lib.db, 'class:animal', '2023-01-01', '2023-12-31'));
  const grid = best(() => mediaPage(lib.db, { deploymentID: 'dep7', offset: Math.floor(media / deployments / 2), limit: 100, hideEmptyBelow: 0.35 }));
  const gridAll = best(() => mediaPage(lib.db, { offset: Math.floor(media / 2), limit: 100 }));
  lib.close();
  return { media, detections: media * boxes, events, eventsMs, map, grid, gridAll };
}

const small = measure(1_000, 10);
const large = measure(100_000, 10);
removeTempDirs();
for (const r of [small, large]) {
  console.log(`${r.detections.toLocaleString('en')} detections, ${r.media.toLocaleString('en')} media, ${deployments} deployments, ${r.events} events (recomputed in ${r.eventsMs.toFixed(0)} ms): map ${r.map.toFixed(1)} ms, grid page of a deployment ${r.grid.toFixed(1)} ms, grid page of everything ${r.gridAll.toFixed(1)} ms`);
}
console.log(`ratios 1M/10k: map ${(large.map / small.map).toFixed(2)}, grid page of a deployment ${(large.grid / small.grid).toFixed(2)}, grid page of everything ${(large.gridAll / small.gridAll).toFixed(2)}`);
console.log(`map_ms ${large.map.toFixed(1)}`);
