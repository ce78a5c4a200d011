// `npm run serve`: builds the renderer if it is not built yet, then starts browser mode.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { copySpec } from './copy-spec.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
  const built = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// The development detector comes from ../shared when it is there; production models are fetched
// with npm run fetch:models where there is internet.
if (!fs.existsSync(path.join(root, 'resources/models/nanodet-m-416/model.onnx'))) {
  spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'build/scripts/fetch-models.ts'), 'nanodet-m-416'], { cwd: root, stdio: 'inherit' });
}
copySpec();
register();
await import('../../electron/backend/server/serve-main.ts');
