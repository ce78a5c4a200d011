import type { browseMethods } from './contract.ts';
import { listFolder } from './list-folder.ts';
import { listPlaces } from './places.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface BrowseContext {
  /** The folders of the libraries opened lately, newest first. */
  recentRoots(): string[];
}

export const browseHandlers: DomainHandlers<typeof browseMethods, BrowseContext> = {
  'browse.places': (_input, { recentRoots }) => listPlaces(recentRoots()),
  'browse.list': ({ path, extensions }) => listFolder(path, extensions),
};
