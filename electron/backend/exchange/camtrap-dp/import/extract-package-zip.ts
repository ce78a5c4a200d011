import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { packageLimits } from './limits.ts';
import { PackageImportCancelled, PackageRefused, refused, throwIfCancelled } from './refusal.ts';
import { copyLimited } from '../../../detect/models/copy-limited.ts';
import { formatBytes } from '../../../ingest/contract.ts';
import { freeBytes, reserveBytes } from '../../../ingest/disk-space.ts';

type EntryKind = 'file' | 'directory' | 'link' | 'other';

/** Unix file type bits a zip made on Linux or macOS carries in its external attributes. */
function kindOf(entry: yauzl.Entry): EntryKind {
  if (entry.fileName.endsWith('/')) return 'directory';
  const type = (entry.externalFileAttributes >>> 16) & 0o170000;
  if (type === 0o120000) return 'link';
  return type === 0 || type === 0o100000 ? 'file' : type === 0o040000 ? 'directory' : 'other';
}

/**
 * The parts of an entry's name under the folder it unpacks to, or null for what is not needed
 * (folders, hidden files, macOS resource forks). A name that would leave the folder, a link or a
 * device refuses the whole archive: a package that holds one was not made by a camera-trap tool.
 */
function placeOf(name: string, kind: EntryKind): string[] | null {
  const entry = name.slice(0, 200);
  const parts = name.split('/');
  if (name.includes('\0') || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.includes('..')) {
    throw refused('package-import-zip-unsafe-entry', { entry });
  }
  if (kind === 'link') throw refused('package-import-zip-link', { entry });
  if (kind === 'other') throw refused('package-import-zip-odd-entry', { entry });
  const place = parts.filter((p) => p !== '' && p !== '.');
  if (kind === 'directory' || place.length === 0) return null;
  if (place.some((p) => p.startsWith('.') || p === '__MACOSX')) return null;
  return place;
}

/** yauzl refuses unsafe names itself, as an error: it is reported as the unsafe entry it is. */
function asRefusal(err: unknown): unknown {
  if (err instanceof PackageRefused || err instanceof PackageImportCancelled) return err;
  const message = (err as Error).message;
  const unsafe = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(message);
  if (unsafe) return refused('package-import-zip-unsafe-entry', { entry: (unsafe[1] ?? '').slice(0, 200) });
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return err;
  return refused('package-import-zip-unreadable', { detail: (code === 'EEXIST' ? 'a file appears twice' : message).slice(0, 200) });
}

export interface ZipProgress {
  done: number;
  total: number;
}

/**
 * Unpacks a package .zip into `target` (an empty folder the import owns), entry by entry. Every
 * name is checked and the sizes the archive declares are added up before a byte is written; an
 * entry that turns out larger than it said stops the unpacking.
 */
export async function extractPackageZip(archive: string, target: string, signal: AbortSignal, onProgress: (p: ZipProgress) => void): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(archive, { autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (err) {
    throw asRefusal(err);
  }
  try {
    const wanted: { entry: yauzl.Entry; place: string[] }[] = [];
    let entries = 0;
    let bytes = 0;
    for await (const entry of zip.eachEntry()) {
      entries += 1;
      if (entries > packageLimits.zipEntries) throw refused('package-import-zip-too-many-entries', { limit: packageLimits.zipEntries });
      const place = placeOf(entry.fileName, kindOf(entry));
      if (!place) continue;
      if (entry.isEncrypted()) throw refused('package-import-zip-encrypted', { entry: entry.fileName.slice(0, 200) });
      bytes += entry.uncompressedSize;
      if (entry.uncompressedSize > packageLimits.zipFileBytes || bytes > packageLimits.zipTotalBytes) throw refused('package-import-zip-too-big');
      wanted.push({ entry, place });
    }
    const free = freeBytes(target);
    if (bytes + reserveBytes(bytes) > free) throw refused('package-import-no-space', { needed: formatBytes(bytes), free: formatBytes(free) });
    const made = new Set<string>();
    for (const [i, { entry, place }] of wanted.entries()) {
      throwIfCancelled(signal);
      const file = path.join(target, ...place);
      const folder = path.dirname(file);
      if (!made.has(folder)) {
        await fs.promises.mkdir(folder, { recursive: true });
        made.add(folder);
      }
      const tooBig = () => refused('package-import-zip-too-big');
      await copyLimited(await zip.openReadStreamPromise(entry), file, entry.uncompressedSize, tooBig);
      onProgress({ done: i + 1, total: wanted.length });
    }
  } catch (err) {
    throw asRefusal(err);
  } finally {
    zip.close();
  }
}
