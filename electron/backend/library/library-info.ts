import path from 'node:path';
import type { LibraryInfo } from './contract.ts';
import type { Library } from './open-library.ts';
import { getNumberSetting } from './settings.ts';

export function libraryInfo(library: Library): LibraryInfo {
  const count = (table: string) => (library.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    root: library.paths.root,
    name: path.basename(library.paths.root),
    mediaCount: count('media'),
    deploymentCount: count('deployments'),
    locationCount: count('locations'),
    sequenceGapSeconds: getNumberSetting(library.db, 'sequenceGapSeconds'),
  };
}
