import fs from 'node:fs';
import path from 'node:path';
import { extractPackageZip, type ZipProgress } from './extract-package-zip.ts';
import { refused } from './refusal.ts';

export interface PackageFolder {
  /** The folder that holds datapackage.json. */
  root: string;
  fromZip: boolean;
}

const descriptor = 'datapackage.json';

function isFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** The package in a folder: datapackage.json in it, or in its only subfolder (a zip often wraps one). */
function packageRoot(dir: string, shown: string): string {
  if (isFile(path.join(dir, descriptor))) return dir;
  const folders = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== '__MACOSX');
  const only = folders.length === 1 && folders[0] ? path.join(dir, folders[0].name) : null;
  if (only && isFile(path.join(only, descriptor))) return only;
  throw refused('package-descriptor-missing', { folder: shown });
}

async function startsLikeZip(file: string): Promise<boolean> {
  const head = Buffer.alloc(4);
  const handle = await fs.promises.open(file, 'r');
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  return head.equals(Buffer.from('PK\x03\x04', 'latin1'));
}

/**
 * The package folder for what the user chose: a folder, its datapackage.json, or a .zip, which
 * is unpacked into `staging` (an empty folder inside the library that the import removes after).
 */
export async function openPackageSource(source: string, staging: string, signal: AbortSignal, onZip: (p: ZipProgress) => void): Promise<PackageFolder> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(source);
  } catch {
    throw refused('package-import-source-missing', { path: source });
  }
  if (stat.isDirectory()) return { root: packageRoot(source, source), fromZip: false };
  if (!stat.isFile()) throw refused('package-import-not-a-package', { path: source });
  if (path.basename(source) === descriptor) return { root: path.dirname(source), fromZip: false };
  if (!(await startsLikeZip(source))) throw refused('package-import-not-a-package', { path: source });
  await fs.promises.mkdir(staging);
  await extractPackageZip(source, staging, signal, onZip);
  return { root: packageRoot(staging, path.basename(source)), fromZip: true };
}
