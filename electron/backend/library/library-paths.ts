import path from 'node:path';

/** Where things live inside a library folder: people browse media/, the rest is the app's. */
export interface LibraryPaths {
  root: string;
  database: string;
  media: string;
  partial: string;
  thumbnails: string;
}

export function libraryPaths(root: string): LibraryPaths {
  return {
    root,
    database: path.join(root, 'library.sqlite'),
    media: path.join(root, 'media'),
    partial: path.join(root, '.partial'),
    thumbnails: path.join(root, '.thumbnails'),
  };
}

