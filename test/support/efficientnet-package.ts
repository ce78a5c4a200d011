import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { docker, testImageTag, testImageTarball } from './docker.ts';
import { classifierManifestSchema } from '../../electron/backend/detect/classify/classifier-manifest.ts';

/** One package for every test and run on this machine: the export takes a while and gives the same bytes each time. */
const cacheDir = path.join(os.tmpdir(), 'camtrap-efficientnet-v2-m');

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Whether a folder holds a whole package: its manifest valid, every file listed there of its size and checksum. */
async function intact(dir: string): Promise<boolean> {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return false;
  const parsed = classifierManifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
  if (!parsed.success || !parsed.data.files) return false;
  const names = parsed.data.files.map((f) => f.name);
  if (!names.includes(parsed.data.file) || !names.includes(parsed.data.labels)) return false;
  for (const f of parsed.data.files) {
    const file = path.join(dir, f.name);
    if (!fs.existsSync(file) || fs.statSync(file).size !== f.size || (await sha256(file)) !== f.sha256) return false;
  }
  return true;
}

/** The host's user in the container, so that the files it writes are the test's own. */
function hostUser(): string {
  return `${process.getuid?.() ?? 1000}:${process.getgid?.() ?? 1000}`;
}

/** The test image in the engine, loaded from its tarball when the engine does not have it yet. */
function ensureTestImage(): void {
  try {
    docker('image', 'inspect', testImageTag);
  } catch {
    docker('load', '-i', testImageTarball());
  }
}

async function build(): Promise<string> {
  const pkg = path.join(cacheDir, 'package');
  if (await intact(pkg)) return pkg;
  fs.mkdirSync(cacheDir, { recursive: true });
  // Exported into a folder of its own and moved in whole: a run that stops halfway leaves no half package.
  const fresh = fs.mkdtempSync(path.join(cacheDir, 'export-'));
  try {
    ensureTestImage();
    docker('run', '--rm', '--network', 'none', '--user', hostUser(), '-v', `${fresh}:/out`, '--entrypoint', 'python3', testImageTag, '/opt/camtrap/export_efficientnet_v2_m.py', '/out');
    if (!(await intact(fresh))) throw new Error(`the EfficientNetV2-M export in ${fresh} does not match its own manifest`);
    // Readable by all: worker containers mount the package as another user.
    fs.chmodSync(fresh, 0o755);
    for (const f of fs.readdirSync(fresh)) fs.chmodSync(path.join(fresh, f), 0o644);
    fs.rmSync(pkg, { recursive: true, force: true });
    fs.renameSync(fresh, pkg);
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
  return pkg;
}

let made: Promise<string> | undefined;

/**
 * A classifier package of SpeciesNet's size and architecture (torchvision's EfficientNetV2-M,
 * random weights from a fixed seed, 480 x 480, 1000 labels), exported by the test image and
 * kept in a cache folder under the system's temporary folder: made once, used again while its
 * files match their checksums. Needs the Docker engine and the test image (npm run build:test-image).
 */
export function efficientnetPackage(): Promise<string> {
  made ??= build().catch((err: unknown) => {
    made = undefined;
    throw err;
  });
  return made;
}
