import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './db.ts';
import { libraryPaths, type LibraryPaths } from './library-paths.ts';
import { StationError } from '../rpc/envelope.ts';
import { processAlive } from '../workers/process-alive.ts';

export interface Library {
  paths: LibraryPaths;
  db: Db;
  close(): void;
}

function assertWritable(dir: string): void {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'x');
    fs.rmSync(probe);
  } catch (err) {
    throw new StationError(
      'not-writable',
      `The library folder ${dir} cannot be written to (${(err as NodeJS.ErrnoException).code ?? 'error'}). Choose a folder you can write to, or fix its permissions.`,
    );
  }
}

/** Files left half-written by an import that was killed are removed before anything else. */
function discardPartialFiles(paths: LibraryPaths): number {
  if (!fs.existsSync(paths.partial)) return 0;
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
    "UPDATE imports SET state = 'interrupted', message = 'The app stopped during this import. Import the card again to finish it.', finished_at = ? WHERE import_id = ?",
  );
  let liveElsewhere = false;
  for (const r of running) {
    if (r.pid === process.pid || !processAlive(r.pid)) mark.run(new Date().toISOString(), r.id);
    else liveElsewhere = true;
  }
  return liveElsewhere;
}

function openAt(root: string): Library {
  const paths = libraryPaths(root);
  assertWritable(root);
  fs.mkdirSync(paths.media, { recursive: true });
  fs.mkdirSync(paths.partial, { recursive: true });
  fs.mkdirSync(paths.thumbnails, { recursive: true });
  const db = openDatabase(paths.database);
  // Another process's import may be writing its partial files right now: they stay.
  if (!markInterruptedImports(db)) discardPartialFiles(paths);
  return { paths, db, close: () => db.close() };
}

export function createLibrary(rootInput: string): Library {
  const root = path.resolve(rootInput);
  if (fs.existsSync(root)) {
    if (!fs.statSync(root).isDirectory()) throw new StationError('conflict', `${root} is a file, not a folder.`);
    if (fs.existsSync(libraryPaths(root).database)) {
      throw new StationError('conflict', `${root} already holds a library: open it instead.`);
    }
    const visible = fs.readdirSync(root).filter((n) => !n.startsWith('.'));
    if (visible.length > 0) throw new StationError('conflict', `${root} is not empty: choose an empty or new folder for a library.`);
  } else {
    try {
      fs.mkdirSync(root, { recursive: true });
    } catch (err) {
      throw new StationError('not-writable', `Cannot create the folder ${root} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  }
  return openAt(root);
}

export function openLibrary(rootInput: string): Library {
  const root = path.resolve(rootInput);
  if (!fs.existsSync(libraryPaths(root).database)) {
    throw new StationError('not-a-library', `${root} is not a Camtrap Station library (no library.sqlite in it).`);
  }
  return openAt(root);
}
