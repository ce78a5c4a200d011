// Bundles Electron main, the preload and the backend entry into dist-electron/ as CommonJS,
// leaving native modules to be loaded from node_modules (electron-builder unpacks them).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'info' };
const external = ['electron', 'better-sqlite3', 'sharp'];

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs', external });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs', external: ['electron'] });
await build({ ...common, entryPoints: ['electron/backend/server/electron-entry.ts'], outfile: 'dist-electron/backend.cjs', external });
