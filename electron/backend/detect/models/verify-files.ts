import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { InstallableManifest } from './package-manifest.ts';
import { StationError } from '../../rpc/envelope.ts';

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every file the manifest lists is in dir, a plain file, of its size and its checksum. */
export async function verifyFiles(dir: string, manifest: InstallableManifest, name: string): Promise<void> {
  for (const listed of manifest.files) {
    const file = path.join(dir, listed.name);
    const stat = await fs.promises.lstat(file).catch(() => null);
    if (!stat || stat.isDirectory()) throw new StationError('invalid-input', 'model-package-file-missing', { name, file: listed.name });
    if (!stat.isFile()) throw new StationError('invalid-input', 'model-package-link', { name, entry: listed.name });
    if (stat.size !== listed.size) throw new StationError('bad-checksum', 'model-package-wrong-size', { name, file: listed.name });
    if ((await sha256Of(file)) !== listed.sha256) throw new StationError('bad-checksum', 'model-package-bad-checksum', { name, file: listed.name });
  }
}
