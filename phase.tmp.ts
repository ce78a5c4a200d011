import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path'; import { spawnSync } from 'node:child_process';
import { sharedCopyPool } from './electron/backend/ingest/copy-pool.ts';
import { makeCard } from './test/support/make-card.ts';
import { cameraTrapImages, heronMedia } from './test/support/shared.ts';
const full = [...fs.readdirSync(heronMedia()).map((n) => path.join(heronMedia(), n)), ...['african_elephants.jpg', 'domestic_dog.jpg', 'human.jpg', 'vehicle.jpg', 'blank.jpg', 'blank2.jpg'].map((n) => path.join(cameraTrapImages(), n))];
const w = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-'));
const files = makeCard(path.join(w, 'card'), 520, full);
const pool = sharedCopyPool();
await pool.copy(files[0]!, null, () => {});
for (let round = 0; round < 3; round++) {
  const out = path.join(w, 'out' + round); fs.mkdirSync(out);
  let t = performance.now();
  await Promise.all(files.map((f, i) => pool.copy(f, path.join(out, `o${i}`), () => {})));
  console.log('pool: 520 copies', (performance.now() - t).toFixed(0));
  t = performance.now(); spawnSync('cp', ['-r', path.join(w, 'card'), path.join(w, 'cp' + round)]); console.log('cp', (performance.now() - t).toFixed(0));
}
fs.rmSync(w, { recursive: true });
