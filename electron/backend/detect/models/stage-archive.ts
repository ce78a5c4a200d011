import fs from 'node:fs';
import path from 'node:path';
import { extractTar } from './extract-tar.ts';
import { extractZip } from './extract-zip.ts';
import { installLimits } from './install-limits.ts';
import { parsePackageManifest, type InstallableManifest } from './package-manifest.ts';
import { RawFolder } from './raw-folder.ts';
import { verifyFiles } from './verify-files.ts';
import { StationError } from '../../rpc/envelope.ts';

type ArchiveKind = 'zip' | 'gzip' | 'tar';

const archiveEnding = /\.(zip|tar|tar\.gz|tgz)$/i;

/** What the file is, by its first bytes rather than its name: a renamed file is read for what it is. */
async function kindOf(archive: string, name: string): Promise<ArchiveKind> {
  const head = Buffer.alloc(512);
  const handle = await fs.promises.open(archive, 'r');
  const { bytesRead } = await handle.read(head, 0, 512, 0).finally(() => handle.close());
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (bytesRead === 512 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  throw new StationError('invalid-input', archiveEnding.test(name) ? 'model-package-unreadable' : 'model-package-not-package', { name, detail: 'not a .zip, .tar or .tar.gz archive' });
}

/** Anything an archive library trips over is reported as an unreadable archive; the install's own refusals pass. */
function unreadable(err: unknown, name: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (err instanceof StationError || code === 'ENOSPC' || code === 'EACCES') return err;
  const detail = code === 'EEXIST' ? 'a file appears twice' : (err as Error).message;
  return new StationError('invalid-input', 'model-package-unreadable', { name, detail: detail.slice(0, 200) });
}

/**
 * Unpacks an archive into stage/raw, finds its package, checks it, and moves manifest.json and
 * the listed files (nothing else) into target. `afterManifest` may refuse the package.
 */
export async function stageArchive(archive: string, name: string, stage: string, target: string, afterManifest: (m: InstallableManifest) => Promise<void>): Promise<InstallableManifest> {
  const kind = await kindOf(archive, name);
  const raw = new RawFolder(path.join(stage, 'raw'));
  await fs.promises.mkdir(raw.dir);
  try {
    await (kind === 'zip' ? extractZip(archive, name, raw) : extractTar(archive, name, kind === 'gzip', raw));
  } catch (err) {
    throw unreadable(err, name);
  }
  const root = raw.packageRoot(name);
  const manifestFile = path.join(root, 'manifest.json');
  if ((await fs.promises.stat(manifestFile)).size > installLimits.manifestBytes) throw new StationError('invalid-input', 'model-package-bad-manifest', { name, detail: 'manifest.json is far too large' });
  const manifest = parsePackageManifest(await fs.promises.readFile(manifestFile, 'utf8'), name);
  await afterManifest(manifest);
  await verifyFiles(root, manifest, name);
  await fs.promises.mkdir(target);
  for (const file of ['manifest.json', ...manifest.files.map((f) => f.name)]) await fs.promises.rename(path.join(root, file), path.join(target, file));
  return manifest;
}
