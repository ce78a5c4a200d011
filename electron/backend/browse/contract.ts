import { z } from 'zod';
import { method } from '../rpc/define.ts';
import { chosenPath } from '../rpc/paths.ts';

/** A starting place in the folder browser. */
export interface Place {
  kind: 'home' | 'documents' | 'card' | 'library' | 'computer';
  name: string;
  path: string;
}

export interface FolderEntry {
  name: string;
  path: string;
  kind: 'folder' | 'file';
}

export interface FolderListing {
  path: string;
  /** Null at the top of the disk. */
  parent: string | null;
  entries: FolderEntry[];
  /** More entries than are listed; the user narrows down by going into a folder. */
  truncated: boolean;
}

export const browseMethods = {
  'browse.places': method<Place[]>()(z.object({})),
  'browse.list': method<FolderListing>()(
    z.object({
      path: chosenPath('choose-folder'),
      /** Files with these endings are listed too (".csv", ".mbtiles"); without any, folders only. */
      extensions: z.array(z.string().regex(/^\.[a-z0-9.]{1,16}$/)).max(10).default([]),
    }),
  ),
} as const;
