// npm run bench:import — the app's import against `cp -r` of the same files to the same disk,
// measured in one run (absolute times drift on these machines; the ratio is what counts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend/app/backend.ts';
import { ImportRun } from '../../electron/backend/ingest/import-run.ts';
import { scanSource } from '../../electron/backend/ingest/scan-source.ts';
import { addDeployment } from '../../electron/backend/library/deployments.ts';
import { addLocation } from '../../electron/backend/library/locations.ts';
import { createLogger } from '../../electron/backend/log/logger.ts';
import { makeCard } from '../support/make-card.ts';
import { cameraTrapImages, heronMedia } from '../support/shared.ts';

const count = Number(process.env.BENCH_FILES ?? 520);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const work = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'camtrap-bench-'));
const full = [
  ...fs.readdirSync(heronMedia()).map((n) => path.join(heronMedia(), n)),
  ...['african_elephants.jpg', 'domestic_dog.jpg', 'human.jpg', 'vehicle.jpg', 'blank.jpg', 'blank2.jpg'].map((n) => path.join(cameraTrapImages(), n)),
];
const card = path.join(work, 'card');
makeCard(card, count, full);
const bytes = fs.readdirSync(path.join(card, 'DCIM', '100RECNX')).reduce((n, f) => n + fs.statSync(path.join(card, 'DCIM', '100RECNX', f)).size, 0);

function dropTarget(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  spawnSync('sync');
}

async function timeImport(round: number): Promise<number> {
  const root = path.join(work, `library-${round}`);
  dropTarget(root);
  const backend = createBackend({ dataDir: path.join(work, 'data'), logger: createLogger(path.join(work, 'data', 'logs')) });
  const library = backend.open(root, true);
  addLocation(library.db, { locationID: 'l', locationName: 'bench', latitude: 0, longitude: 0 });
  addDeployment(library.db, { deploymentID: 'd', locationID: 'l', deploymentStart: '2000-01-01T00:00:00Z', deploymentEnd: '2030-01-01T00:00:00Z' });
  const t0 = performance.now();
  const scan = await scanSource(card);
  const summary = await new ImportRun(library, scan, 'd').run();
  const ms = performance.now() - t0;
  if (summary.imported !== count) throw new Error(`imported ${summary.imported} of ${count}`);
  backend.close();
  dropTarget(root);
  return ms;
}

/** `cp -r`, and optionally `sync` after it: the same durability the import gives each file. */
function timeCp(round: number, thenSync = false): number {
  const target = path.join(work, `cp-${round}`);
  dropTarget(target);
  const t0 = performance.now();
  const r = spawnSync('cp', ['-r', card, target]);
  if (thenSync) spawnSync('sync');
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`cp failed: ${r.stderr}`);
  dropTarget(target);
  return ms;
}

// Warm the page cache for both, then alternate so that drift hits both alike.
timeCp(-1);
const cp: number[] = [];
const cpSync: number[] = [];
const imp: number[] = [];
for (let r = 0; r < rounds; r += 1) {
  cp.push(timeCp(r));
  cpSync.push(timeCp(r, true));
  imp.push(await timeImport(r));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
fs.rmSync(work, { recursive: true, force: true });
console.log(`files ${count}, ${(bytes / 1e6).toFixed(1)} MB, ${os.cpus().length} cores, ${rounds} rounds`);
console.log(`cp -r   median ${median(cp).toFixed(0)} ms  (${cp.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`cp -r && sync  median ${median(cpSync).toFixed(0)} ms  (${cpSync.map((x) => x.toFixed(0)).join(', ')})  import / that: ${(median(imp) / median(cpSync)).toFixed(2)}`);
console.log(`import  median ${median(imp).toFixed(0)} ms  (${imp.map((x) => x.toFixed(0)).join(', ')})  ${(bytes / 1e6 / (median(imp) / 1000)).toFixed(0)} MB/s`);
console.log(`ratio ${(median(imp) / median(cp)).toFixed(2)}`);
