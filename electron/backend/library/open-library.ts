import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './db.ts';
import { checkBeforeOpening } from './library-checks.ts';
import { libraryPaths, type LibraryPaths } from './library-paths.ts';
import { StationError } from '../rpc/envelope.ts';
import { storeSays } from '../rpc/stored-says.ts';
import { mkdirNoFollow } from '../safe-fs/no-follow.ts';
import { processAlive } from '../workers/process-alive.ts';

export interface Library {
  paths: LibraryPaths;
  db: Db;
  close(): void;
}

function assertWritable(dir: string): void {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'x', { flag: 'wx' });
    fs.rmSync(probe);
  } catch (err) {
    throw new StationError('not-writable', 'library-folder-not-writable', { path: dir, code: (err as NodeJS.ErrnoException).code ?? 'error' });
  }
}

/** Files left half-written by an import that was killed are removed before anything else; .partial was checked to be a real folder. */
function discardPartialFiles(paths: LibraryPaths): number {
  const names = fs.readdirSync(paths.partial);
  for (const name of names) fs.rmSync(path.join(paths.partial, name), { force: true, recursive: true });
  return names.length;
}

/**
 * An import still marked running when a library opens was stopped by a crash or a kill, unless
 * its process still runs (the app importing while the command line looks at the same library).
 * Says whether such a live import exists.
 */
function markInterruptedImports(db: Db): boolean {
  const running = db.prepare("SELECT import_id AS id, owner_pid AS pid FROM imports WHERE state = 'running'").all() as { id: number; pid: number | null }[];
  const mark = db.prepare(
    "UPDATE imports SET state = 'interrupted', message = ?, finished_at = ? WHERE import_id = ?",
  );
  const message = storeSays([{ key: 'import-interrupted' }]);
  let liveElsewhere = false;
  for (const r of running) {
    if (r.pid === process.pid || !processAlive(r.pid)) mark.run(message, new Date().toISOString(), r.id);
    else liveElsewhere = true;
  }
  return liveElsewhere;
}

/** Writes only after every check passed: a refused library is left exactly as it was. */
function openAt(root: string): Library {
  const paths = libraryPaths(root);
  assertWritable(root);
  for (const dir of [paths.media, paths.partial, paths.thumbnails]) mkdirNoFollow(root, dir);
  const db = openDatabase(paths.database);
  // Another process's import may be writing its partial files right now: they stay.
  if (!markInterruptedImports(db)) discardPartialFiles(paths);
  return { paths, db, close: () => db.close() };
}

export function createLibrary(rootInput: string): Library {
  const root = path.resolve(rootInput);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(root);
  } catch {
    // A new folder.
  }
  if (stat) {
    if (!stat.isDirectory()) throw new StationError('conflict', 'is-a-file-not-a-folder', { path: root });
    if (fs.existsSync(libraryPaths(root).database)) throw new StationError('conflict', 'library-already-there', { path: root });
    if (fs.readdirSync(root).length > 0) throw new StationError('conflict', 'library-folder-not-empty', { path: root });
  } else {
    // One folder, in a folder that exists: never a loop of retries, wherever the path points.
    try {
      fs.mkdirSync(root);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw code === 'ENOENT' ? new StationError('not-writable', 'folder-parent-missing', { path: root }) : new StationError('not-writable', 'folder-not-created', { path: root, code });
    }
  }
  return openAt(root);
}

export function openLibrary(rootInput: string): Library {
  const root = path.resolve(rootInput);
  checkBeforeOpening(libraryPaths(root));
  return openAt(root);
}
