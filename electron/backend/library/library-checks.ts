import fs from 'node:fs';
import path from 'node:path';
import { ownEntries, type LibraryPaths } from './library-paths.ts';
import { newerLibrary } from './migrate.ts';
import { StationError } from '../rpc/envelope.ts';
import type { MessageKey } from '../rpc/messages.ts';
import { latestVersion } from './migrations/index.ts';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

function notALibrary(root: string, why: MessageKey): StationError {
  return new StationError('not-a-library', why, { path: root });
}

/** SQLite's 100-byte file header: its magic string, and the user_version at offset 60. */
function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const head = Buffer.alloc(100);
    if (fs.readSync(fd, head, 0, head.length, 0) < head.length) throw new Error('too short');
    return head;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Everything that can refuse a library, before anything in it is written: it must be ours (a
 * database file, not a link, with SQLite's header), of a version this app reads, and none of
 * the names the app writes may be links (a library can come from someone else's USB stick).
 */
export function checkBeforeOpening(paths: LibraryPaths): void {
  const { root } = paths;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(paths.database);
  } catch {
    throw notALibrary(root, 'not-a-library');
  }
  if (!stat.isFile()) throw notALibrary(root, 'not-a-library-odd-database');
  // Read from the header, without opening the database: opening may already write (WAL, journal).
  let version: number;
  try {
    const head = readHeader(paths.database);
    if (!head.subarray(0, sqliteHeader.length).equals(sqliteHeader)) throw new Error('not SQLite');
    version = head.readUInt32BE(60);
  } catch {
    throw notALibrary(root, 'not-a-library-damaged');
  }
  if (version > latestVersion) throw newerLibrary(version);
  for (const entry of ownEntries(paths)) {
    let entryStat: fs.Stats | null = null;
    try {
      entryStat = fs.lstatSync(entry);
    } catch {
      continue;
    }
    if (entryStat.isSymbolicLink()) {
      throw new StationError('unsafe-library', 'library-entry-is-link', { name: path.basename(entry) });
    }
  }
}
