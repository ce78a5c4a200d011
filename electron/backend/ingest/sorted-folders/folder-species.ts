import type { Db } from '../../library/db.ts';
import { namesOf, type Checklist } from '../../review/checklist.ts';
import { foldText } from '../../review/fold-text.ts';

export type FolderObservationType = 'animal' | 'human' | 'vehicle' | 'unknown' | 'blank';

/** What the files of a species folder are: a species, or people, vehicles, nothing, or an animal nobody could name. */
export interface FolderSpecies {
  scientificName: string | null;
  observationType: FolderObservationType;
}

export interface FolderMatch extends FolderSpecies {
  /** remembered: a person mapped this name before; name: it is a species' scientific or common name; word: a word such as UNID or Empty. */
  from: 'remembered' | 'name' | 'word';
}

// Names hand-sorted projects give folders that hold no one species (camtrapR users' habits, several languages).
const words: Record<string, FolderSpecies> = {};
for (const w of ['unid', 'unidentified', 'unknown', 'unk', 'indet', 'indeterminate', 'unknown species', 'unknown animal', 'desconocido', 'inconnu', 'tidak diketahui', '?']) words[w] = { scientificName: null, observationType: 'unknown' };
for (const w of ['empty', 'blank', 'nothing', 'none', 'false trigger', 'misfire', 'vacio', 'vide', 'kosong']) words[w] = { scientificName: null, observationType: 'blank' };
for (const w of ['human', 'humans', 'people', 'person', 'homo sapiens', 'persona', 'humain', 'manusia']) words[w] = { scientificName: null, observationType: 'human' };
for (const w of ['vehicle', 'vehicles', 'car', 'vehiculo', 'vehicule', 'kendaraan']) words[w] = { scientificName: null, observationType: 'vehicle' };

/** Underscores, dots and dashes stand for spaces in folder names (Vulpes_vulpes, Sus.scrofa). */
export const foldFolderName = (name: string): string => foldText(name.replace(/[_.-]+/g, ' ')).trim();

const indexes = new WeakMap<Checklist, Map<string, string>>();

/** Every name of the checklist, folded as folder names are: built once, a lookup per folder. */
function checklistNames(checklist: Checklist): Map<string, string> {
  let index = indexes.get(checklist);
  if (!index) {
    index = new Map();
    for (const t of checklist.taxa) for (const n of namesOf(t)) if (!index.has(foldFolderName(n))) index.set(foldFolderName(n), t.scientificName);
    indexes.set(checklist, index);
  }
  return index;
}

/**
 * What a folder name stands for, without asking: a mapping remembered from before, a word for
 * unknown, empty, people or vehicles, or a scientific or common name of the library's species
 * or of the checklist; null when a person must say.
 */
export function matchFolder(db: Db, checklist: Checklist, name: string): FolderMatch | null {
  const remembered = db.prepare('SELECT scientific_name AS scientificName, observation_type AS observationType FROM folder_species WHERE folder_name = ?').get(name) as FolderSpecies | undefined;
  if (remembered) return { ...remembered, from: 'remembered' };
  const folded = foldFolderName(name);
  const word = words[folded];
  if (word) return { ...word, from: 'word' };
  const library = db.prepare('SELECT scientific_name AS scientificName, vernacular_name AS vernacularName FROM species').all() as { scientificName: string; vernacularName: string | null }[];
  const own = library.find((s) => foldFolderName(s.scientificName) === folded || (s.vernacularName !== null && foldFolderName(s.vernacularName) === folded));
  if (own) return { scientificName: own.scientificName, observationType: 'animal', from: 'name' };
  const listed = checklistNames(checklist).get(folded);
  if (listed) return { scientificName: listed, observationType: 'animal', from: 'name' };
  return null;
}

/** A person's mapping of a folder name, kept for the next card sorted the same way. */
export function rememberFolder(db: Db, name: string, species: FolderSpecies): void {
  db.prepare(
    `INSERT INTO folder_species (folder_name, scientific_name, observation_type) VALUES (?, ?, ?)
     ON CONFLICT(folder_name) DO UPDATE SET scientific_name = excluded.scientific_name, observation_type = excluded.observation_type`,
  ).run(name, species.scientificName, species.observationType);
}
