import path from 'node:path';

/**
 * Where a file from a card goes: media/<deployment>/<path on the card>, so people can browse
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
  const ext = path.posix.extname(relPath);
  const stem = relPath.slice(0, relPath.length - ext.length);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? relPath : `${stem} (${n})${ext}`;
    const relative = `media/${deploymentID}/${candidate}`.normalize('NFC');
    if (reserved.has(relative.toLowerCase()) || pathTaken(relative)) continue;
    return { relative, absolute: path.join(mediaRoot, deploymentID, ...candidate.split('/')) };
  }
}
