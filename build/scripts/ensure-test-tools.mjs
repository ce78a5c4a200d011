// Run before the tests: the end-to-end tests drive Debian's Chromium (never a downloaded browser).
// As root on Debian it is installed with apt-get; elsewhere the missing command is printed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    process.stderr.write(`Chromium is not at ${chromium}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.\n`);
    process.exit(1);
  }
  process.stderr.write('Installing Debian chromium for the end-to-end tests...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
