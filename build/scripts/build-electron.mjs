// Bundles Electron main, the preload and the backend entry into dist-electron/ as CommonJS,
// leaving native modules to be loaded from node_modules (electron-builder unpacks them).
import { build } from 'esbuild';

// import.meta.url points beside the bundle, where the worker bundles lie.
const importMetaUrl = { banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': '__importMetaUrl' } };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'info', ...importMetaUrl };
// Native modules and what loads them stay in node_modules; dockerode reaches ssh2's native parts.
const external = ['electron', 'better-sqlite3', 'sharp', 'esbuild', 'onnxruntime-node', 'tsx', 'dockerode'];

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs', external });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs', external: ['electron'] });
await build({ ...common, entryPoints: ['electron/backend/server/electron-entry.ts'], outfile: 'dist-electron/backend.cjs', external });
await build({ ...common, entryPoints: ['electron/backend/ingest/copy-worker.ts'], outfile: 'dist-electron/copy-worker.cjs' });
await build({ ...common, entryPoints: ['electron/backend/analysis/map-files/map-worker.ts'], outfile: 'dist-electron/map-worker.cjs', external });
await build({ ...common, entryPoints: ['electron/backend/detect/worker/detect-worker.ts'], outfile: 'dist-electron/detect-worker.cjs', external });
await build({ ...common, entryPoints: ['electron/backend/detect/classify/classifier-probe-worker.ts'], outfile: 'dist-electron/classifier-probe-worker.cjs', external });
