import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Place } from './contract.ts';
import { listVolumes } from '../ingest/volumes.ts';

const isFolder = (p: string): boolean => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** Where a person starts looking: home, Documents, inserted cards, recent libraries, the whole computer. */
export function listPlaces(recentLibraries: string[], home = os.homedir()): Place[] {
  const documents = path.join(home, 'Documents');
  const places: Place[] = [{ kind: 'home', name: path.basename(home) || home, path: home }];
  if (isFolder(documents)) places.push({ kind: 'documents', name: 'Documents', path: documents });
  for (const v of listVolumes()) places.push({ kind: 'card', name: v.label, path: v.path });
  for (const root of recentLibraries.filter(isFolder)) places.push({ kind: 'library', name: path.basename(root), path: root });
  places.push({ kind: 'computer', name: process.platform === 'win32' ? 'C:\\' : '/', path: process.platform === 'win32' ? 'C:\\' : '/' });
  return places;
}
