import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { EntryBudget, placeOfEntry, type EntryKind } from './archive-entry.ts';
import { copyLimited } from './copy-limited.ts';
import type { RawFolder } from './raw-folder.ts';

function kindOf(type: tar.Headers['type']): EntryKind {
  if (type === 'file' || type === 'contiguous-file' || !type) return 'file';
  if (type === 'directory') return 'directory';
  return type === 'symlink' || type === 'link' ? 'link' : 'other';
}

function drain(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve).on('error', reject).resume();
  });
}

/** Unpacks a .tar or .tar.gz into raw, entry by entry, refusing the archive at the first unsafe entry. */
export async function extractTar(archive: string, name: string, gzipped: boolean, raw: RawFolder): Promise<void> {
  const budget = new EntryBudget(name);
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const unpack = async (): Promise<void> => {
      const size = header.size ?? 0;
      budget.add(size);
      const place = placeOfEntry(name, header.name, kindOf(header.type));
      if (!place) return drain(stream);
      await copyLimited(stream, await raw.target(place), size, () => budget.tooBig());
    };
    unpack().then(() => next(), (err: unknown) => extract.destroy(err as Error));
  });
  const file = fs.createReadStream(archive);
  await (gzipped ? pipeline(file, zlib.createGunzip(), extract) : pipeline(file, extract));
}
