import path from 'node:path';

/** Where things live inside a library folder: people browse media/, the rest is the app's. */
export function libraryPaths(root: string) {
  return {
    root,
    database: path.join(root, 'library.sqlite'),
    media: path.join(root, 'media'),
    partial: path.join(root, '.partial'),
    thumbnails: path.join(root, '.thumbnails'),
  };
}

export type LibraryPaths = ReturnType<typeof libraryPaths>;
