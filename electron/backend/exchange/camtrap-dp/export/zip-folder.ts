import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() ? [`${prefix}${e.name}`] : []));
}

/**
 * Zips a package folder with datapackage.json at the top of the archive, as readers expect.
 * Media are stored, not compressed: JPEGs and videos do not shrink.
 */
export async function zipFolder(dir: string, zipFile: string): Promise<void> {
  const zip = new ZipFile();
  for (const name of filesUnder(dir)) zip.addFile(path.join(dir, ...name.split('/')), name, { compress: name.endsWith('.csv') || name.endsWith('.json') });
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(zipFile, { flags: 'wx' }));
}
