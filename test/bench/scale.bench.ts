// npm run bench:scale — a synthetic library of 1,000,000 detections over 100,000 media and 200
// deployments, and one of 10,000 detections over the same deployments: the map aggregation and
// one grid page at each size, with their ratios. Last line: map_ms <ms at 1M>.
import path from 'node:path';
import { mapActivity } from '../../electron/backend/analysis/map-activity.ts';
import { recomputeAllEvents } from '../../electron/backend/library/independent-events.ts';
import { mediaPage } from '../../electron/backend/library/media-queries.ts';
import { createLibrary, type Library } from '../../electron/backend/library/open-library.ts';
import { fillScaleLibrary } from '../support/scale-library.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

const deployments = 200;

/** The library's rows, then its independent events: how long those take to recompute. */
function build(lib: Library, media: number, boxesPerMedia: number): number {
  fillScaleLibrary(lib, { media, boxesPerMedia, deployments });
  const e0 = performance.now();
  recomputeAllEvents(lib.db);
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
