import path from 'node:path';

/** Where things live inside a library folder: people browse media/, the rest is the app's. */
export interface LibraryPaths {
  root: string;
  database: string;
  media: string;
  partial: string;
  thumbnails: string;
  maps: string;
  jobs: string;
  importReserve: string;
}

export function libraryPaths(root: string): LibraryPaths {
  return {
    root,
    database: path.join(root, 'library.sqlite'),
    media: path.join(root, 'media'),
    partial: path.join(root, '.partial'),
    thumbnails: path.join(root, '.thumbnails'),
    maps: path.join(root, '.maps'),
    jobs: path.join(root, '.jobs'),
    importReserve: path.join(root, '.import-reserve'),
  };
}

/** Every name the app itself writes at the top of a library, the database's companions included. */
export function ownEntries(paths: LibraryPaths): string[] {
  const { root: _root, ...own } = paths;
  return [...Object.values(own), `${paths.database}-wal`, `${paths.database}-shm`];
}
