// npm run package:dir — the unpacked app (release/linux-unpacked) as electron-builder makes it,
// on a machine without internet: Electron's binary cannot be downloaded here, so a stand-in
// Electron distribution (a folder with a placeholder `electron` executable) takes its place,
// and the native modules are NOT rebuilt for Electron (that needs Electron's headers from the
// internet): they stay built for this Node. The layout, app.asar and the resources are the real
// ones; the release workflow (.github/workflows/release.yml) builds the real installers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const standIn = path.join(root, '.tmp', 'electron-stand-in');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

console.log('package:dir: a stand-in Electron distribution, native modules not rebuilt for Electron (no internet here).');
fs.rmSync(standIn, { recursive: true, force: true });
fs.mkdirSync(path.join(standIn, 'resources'), { recursive: true });
fs.writeFileSync(path.join(standIn, 'electron'), '#!/bin/sh\necho "stand-in Electron: this build is for checking the package layout only" >&2\nexit 1\n', { mode: 0o755 });
fs.writeFileSync(path.join(standIn, 'version'), electronVersion);

const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run('npm', ['run', 'build']);
fs.rmSync(path.join(root, 'release', 'linux-unpacked'), { recursive: true, force: true });
run(path.join(root, 'node_modules', '.bin', 'electron-builder'), [
  '--config',
  'build/packaging/electron-builder.config.cjs',
  '--linux',
  'dir',
  '--publish',
  'never',
  `-c.electronDist=${standIn}`,
  `-c.electronVersion=${electronVersion}`,
  '-c.npmRebuild=false',
]);
console.log(`package:dir: ${path.join(root, 'release', 'linux-unpacked')}`);
