import yauzl from 'yauzl';
import { EntryBudget, placeOfEntry, type EntryKind } from './archive-entry.ts';
import { copyLimited } from './copy-limited.ts';
import type { RawFolder } from './raw-folder.ts';
import { StationError } from '../../rpc/envelope.ts';

/** Unix file type bits a zip made on Linux or macOS carries in its external attributes. */
function kindOf(entry: yauzl.Entry): EntryKind {
  if (entry.fileName.endsWith('/')) return 'directory';
  const type = (entry.externalFileAttributes >>> 16) & 0o170000;
  if (type === 0o120000) return 'link';
  return type === 0 || type === 0o100000 ? 'file' : type === 0o040000 ? 'directory' : 'other';
}

/** yauzl refuses unsafe names itself, as an error: it is reported as the unsafe entry it is. */
function unsafeName(err: unknown, name: string): StationError | null {
  const match = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec((err as Error).message);
  return match ? new StationError('invalid-input', 'model-package-unsafe-entry', { name, entry: (match[1] ?? '').slice(0, 200) }) : null;
}

/** Unpacks a .zip into raw, entry by entry, refusing the archive at the first unsafe entry. */
export async function extractZip(archive: string, name: string, raw: RawFolder): Promise<void> {
  const budget = new EntryBudget(name);
  const zip = await yauzl.openPromise(archive, { autoClose: false, validateEntrySizes: true, strictFileNames: false });
  try {
    for await (const entry of zip.eachEntry()) {
      budget.add(entry.uncompressedSize);
      const place = placeOfEntry(name, entry.fileName, kindOf(entry));
      if (!place) continue;
      await copyLimited(await zip.openReadStreamPromise(entry), await raw.target(place), entry.uncompressedSize, () => budget.tooBig());
    }
  } catch (err) {
    throw unsafeName(err, name) ?? err;
  } finally {
    zip.close();
  }
}
