import fs from 'node:fs';
import path from 'node:path';
import { copyLimited } from './copy-limited.ts';
import { installLimits } from './install-limits.ts';
import { parsePackageManifest, type InstallableManifest } from './package-manifest.ts';
import { verifyFiles } from './verify-files.ts';
import { StationError } from '../../rpc/envelope.ts';

const noFollow = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Opens a file of the package for reading: a plain file, reached through no link (lstat first,
 * O_NOFOLLOW where the system has it, so a swap between the two is refused too).
 */
async function openPlain(file: string, name: string, entry: string): Promise<{ handle: fs.promises.FileHandle; size: number }> {
  const stat = await fs.promises.lstat(file).catch(() => null);
  if (!stat) throw new StationError('invalid-input', entry === 'manifest.json' ? 'model-package-no-manifest' : 'model-package-file-missing', { name, file: entry });
  if (stat.isSymbolicLink()) throw new StationError('invalid-input', 'model-package-link', { name, entry });
  if (!stat.isFile()) throw new StationError('invalid-input', 'model-package-odd-entry', { name, entry });
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | noFollow);
  const opened = await handle.stat();
  if (!opened.isFile()) {
    await handle.close();
    throw new StationError('invalid-input', 'model-package-odd-entry', { name, entry });
  }
  return { handle, size: opened.size };
}

async function readManifest(source: string, name: string): Promise<string> {
  const { handle, size } = await openPlain(path.join(source, 'manifest.json'), name, 'manifest.json');
  try {
    if (size > installLimits.manifestBytes) throw new StationError('invalid-input', 'model-package-bad-manifest', { name, detail: 'manifest.json is far too large' });
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Copies a package folder (a USB stick's, say) into target: manifest.json and only the files it
 * lists, each checked on arrival. `beforeCopy` may refuse the package once its manifest is known.
 */
export async function stageFolder(source: string, name: string, target: string, beforeCopy: (m: InstallableManifest) => Promise<void>): Promise<InstallableManifest> {
  const text = await readManifest(source, name);
  const manifest = parsePackageManifest(text, name);
  await beforeCopy(manifest);
  await fs.promises.mkdir(target);
  await fs.promises.writeFile(path.join(target, 'manifest.json'), text, { flag: 'wx', mode: 0o644 });
  for (const listed of manifest.files) {
    const { handle, size } = await openPlain(path.join(source, listed.name), name, listed.name);
    if (size !== listed.size) {
      await handle.close();
      throw new StationError('bad-checksum', 'model-package-wrong-size', { name, file: listed.name });
    }
    const tooBig = () => new StationError('bad-checksum', 'model-package-wrong-size', { name, file: listed.name });
    await copyLimited(handle.createReadStream(), path.join(target, listed.name), listed.size, tooBig);
  }
  await verifyFiles(target, manifest, name);
  return manifest;
}
