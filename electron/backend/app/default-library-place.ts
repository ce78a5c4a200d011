import fs from 'node:fs';
import path from 'node:path';
import type { LibraryPlace } from './contract.ts';


const entries = (dir: string): string[] | null => {
  try {
    return fs.readdirSync(dir);
  } catch {
    return null;
  }
};

/**
 * Where a first library goes with one click: "Camtrap Station" in the user's Documents, or in
 * their home when there is no Documents folder. A folder of that name already in use for other
 * things is left alone: "Camtrap Station 2" and so on.
 */
export function defaultLibraryPlace(home: string): LibraryPlace {
  const documents = path.join(home, 'Documents');
  const base = path.join(fs.existsSync(documents) ? documents : home, 'Camtrap Station');
  for (let n = 1; n < 100; n += 1) {
    const candidate = n === 1 ? base : `${base} ${n}`;
    const inside = entries(candidate);
    if (inside === null || inside.length === 0) return { path: candidate, isLibrary: false };
    if (inside.includes('library.sqlite')) return { path: candidate, isLibrary: true };
  }
  return { path: base, isLibrary: false };
}
