import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../../electron/backend/library/open-library.ts';

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * What must hold after any crash, once the library is opened again: no partial file is left,
 * every row points to a complete file with the right hash, and every file under media/ is a
 * complete copy of a file on the card (a copy whose row was not yet written is complete too).
 */
export function checkLibraryInvariants(root: string, cardHashes: Set<string>) {
  const library = openLibrary(root);
  try {
    const partial = filesUnder(library.paths.partial);
    const rows = library.db.prepare('SELECT file_path AS filePath, sha256, size FROM media').all() as { filePath: string; sha256: string; size: number }[];
    const badRows = rows.filter((r) => {
      const file = path.join(root, r.filePath);
      return !fs.existsSync(file) || fs.statSync(file).size !== r.size || sha256(file) !== r.sha256;
    });
    const mediaFiles = filesUnder(library.paths.media);
    const incomplete = mediaFiles.filter((f) => !cardHashes.has(sha256(f)));
    const running = (library.db.prepare("SELECT COUNT(*) AS n FROM imports WHERE state = 'running'").get() as { n: number }).n;
    return { partial, rows: rows.length, badRows, mediaFiles: mediaFiles.length, incomplete, running };
  } finally {
    library.close();
  }
}
