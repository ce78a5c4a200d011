// `npm start`: opens the Electron window; where the Electron binary is missing (package.json's
// allowScripts skips its download) or the machine has no display, it says so and starts browser
// mode instead, so the app is usable on every machine.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const display = process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
if (binary && display) {
  const npm = process.env.npm_execpath;
  const build = spawnSync(npm ? process.execPath : 'npm', npm ? [npm, 'run', 'build'] : ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(binary, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write(
    binary
      ? 'No display was found, so the Electron window cannot open. Starting browser mode instead.\n'
      : 'The Electron window is not installed (it needs a download: node node_modules/electron/install.js). Starting browser mode instead.\n',
  );
  process.env.CAMTRAP_START_COMMAND = 'npm start';
  await import('./serve.mjs');
}
