import path from 'node:path';
import { safeFolderName } from '../safe-fs/folder-name.ts';

/**
 * Where a file from a card goes: media/<deployment folder>/<path on the card>, so people can browse
 * the library without the app. When that name is taken by another file (cameras restart their
 * numbering on a formatted card), " (2)", " (3)" ... goes before the extension.
 * A file at the name with no row in the database is a copy that a crash left before its row
 * was written: it is replaced, since the new copy was verified just now. Names are compared
 * without case (and in one Unicode form), as macOS and Windows disks do.
 */
export function chooseDestination(
  pathTaken: (relative: string) => boolean,
  mediaRoot: string,
  deploymentID: string,
  relPath: string,
  reserved: Set<string>,
): { relative: string; absolute: string } {
  // One Unicode form on disk and in the database (NFC), so the name recorded is the name that exists.
  const name = relPath.normalize('NFC');
  const folder = safeFolderName(deploymentID);
  const ext = path.posix.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    const relative = `media/${folder}/${candidate}`;
    if (reserved.has(relative.toLowerCase()) || pathTaken(relative)) continue;
    return { relative, absolute: path.join(mediaRoot, folder, ...candidate.split('/')) };
  }
}
