// Run before the tests: what they need from the machine, set up where this is Debian and root
// (as in CI), else the missing command is printed.
// - Debian's Chromium for the end-to-end tests (never a downloaded browser), with the Noto CJK
//   fonts so that the Chinese screens are drawn (and photographed) as a Chinese user sees them;
// - Docker's engine (docker.io, started when none answers) and the CPU test image of the
//   detection container, built from Debian's packages with debootstrap (there is no Docker Hub).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySpec } from './copy-spec.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const isRootDebian = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
let aptUpdated = false;

function aptInstall(...packages) {
  if (!isRootDebian) return false;
  process.stderr.write(`Installing ${packages.join(', ')} for the tests...\n`);
  for (const args of [...(aptUpdated ? [] : [['update', '-qq']]), ['install', '-y', '-qq', ...packages]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) return false;
  }
  aptUpdated = true;
  return true;
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const dockerAnswers = () => spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;

// The Camtrap DP schemas every export and package import is validated against.
process.stderr.write(`${copySpec()}\n`);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium) && !aptInstall('chromium')) {
  process.stderr.write(`Chromium is not at ${chromium}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.\n`);
  process.exit(1);
}

// fc-list answers for fonts of a language; without CJK fonts Chinese shows as empty boxes.
const hasChineseFont = () => spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .']).status === 0;
if (!hasChineseFont() && !aptInstall('fonts-noto-cjk')) {
  process.stderr.write('No Chinese font: the Chinese screenshots will show boxes (Debian: sudo apt-get install -y fonts-noto-cjk).\n');
}

async function ensureDocker() {
  if ((!has('dockerd') || !has('debootstrap')) && !aptInstall('docker.io', 'debootstrap')) {
    return 'docker.io and debootstrap are not installed (Debian: sudo apt-get install -y docker.io debootstrap)';
  }
  if (!dockerAnswers()) {
    if (!isRootDebian) return 'no Docker engine answers (start it: sudo systemctl start docker)';
    const log = fs.openSync('/tmp/camtrap-dockerd.log', 'a');
    spawn('dockerd', [], { detached: true, stdio: ['ignore', log, log] }).unref();
    for (let i = 0; i < 60 && !dockerAnswers(); i += 1) await new Promise((r) => setTimeout(r, 500));
    if (!dockerAnswers()) return 'dockerd did not start (see /tmp/camtrap-dockerd.log)';
  }
  const manifest = path.join(root, 'resources/image/image-manifest.json');
  const fresh = fs.existsSync(manifest) && spawnSync('docker', ['image', 'inspect', 'camtrap-worker-base:bookworm'], { stdio: 'ignore' }).status === 0;
  const workerChanged = fresh && fs.readdirSync(path.join(root, 'build/worker/camtrap_worker')).some((f) => fs.statSync(path.join(root, 'build/worker/camtrap_worker', f)).mtimeMs > fs.statSync(manifest).mtimeMs);
  if (!fresh || workerChanged) {
    const r = spawnSync('bash', [path.join(root, 'build/worker/test-image/build.sh')], { stdio: 'inherit', env });
    if (r.status !== 0) return 'the test image could not be built';
  }
  return null;
}

const why = await ensureDocker();
if (why) {
  // Outside CI the container tests then say they did not run and why; in CI they fail.
  process.stderr.write(`Container tests cannot run: ${why}.\n`);
  if (process.env.CI) process.exit(1);
}
