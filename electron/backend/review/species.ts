import fs from 'node:fs';
import { bundledChecklist, nameIn, type Checklist } from './checklist.ts';
import type { Species } from './contract.ts';
import type { Db } from '../library/db.ts';
import { nowIso } from '../library/ids.ts';
import { StationError } from '../rpc/envelope.ts';

export function addSpecies(db: Db, s: Species): Species {
  if (db.prepare('SELECT 1 FROM species WHERE scientific_name = ?').get(s.scientificName)) {
    throw new StationError('conflict', 'species-exists', { name: s.scientificName });
  }
  db.prepare('INSERT INTO species (scientific_name, vernacular_name, created_at) VALUES (?, ?, ?)').run(s.scientificName, s.vernacularName, nowIso());
  return s;
}

/**
 * A species from the checklist goes on the library's list the first time it is used, so that a
 * label can refer to it; one already there stays as it is (its common name may have been edited).
 */
export function ensureSpecies(db: Db, scientificName: string, language: string, checklist: Checklist = bundledChecklist()): Species {
  const listed = db.prepare('SELECT scientific_name AS scientificName, vernacular_name AS vernacularName FROM species WHERE scientific_name = ?').get(scientificName) as Species | undefined;
  if (listed) return listed;
  const taxon = checklist.get(scientificName);
  if (!taxon) throw new StationError('not-found', 'species-unknown', { name: scientificName });
  return addSpecies(db, { scientificName, vernacularName: nameIn(taxon, language) });
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/**
 * A species list from CSV with a header naming scientificName (and optionally vernacularName),
 * as Camtrap DP and GBIF checklists do. Known names get their common name updated.
 */
export function importSpeciesCsv(db: Db, file: string): { added: number; updated: number; skipped: number } {
  if (!fs.existsSync(file)) throw new StationError('not-found', 'species-csv-missing', { file });
  const [header, ...lines] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
  const columns = parseCsvLine(header ?? '');
  const sci = columns.indexOf('scientificName');
  const common = columns.indexOf('vernacularName');
  if (sci === -1) throw new StationError('invalid-input', 'species-csv-no-column', { file });
  const insert = db.prepare('INSERT INTO species (scientific_name, vernacular_name, created_at) VALUES (?, ?, ?) ON CONFLICT(scientific_name) DO NOTHING');
  const update = db.prepare('UPDATE species SET vernacular_name = ? WHERE scientific_name = ? AND vernacular_name IS NOT ?');
  const counts = { added: 0, updated: 0, skipped: 0 };
  db.transaction(() => {
    for (const line of lines) {
      const fields = parseCsvLine(line);
      const name = fields[sci] ?? '';
      const vernacular = common === -1 ? null : fields[common] || null;
      if (name.length < 2) {
        counts.skipped += 1;
        continue;
      }
      if (insert.run(name, vernacular, nowIso()).changes === 1) counts.added += 1;
      else if (vernacular !== null && update.run(vernacular, name, vernacular).changes === 1) counts.updated += 1;
      else counts.skipped += 1;
    }
  })();
  return counts;
}

export function updateSpecies(db: Db, scientificName: string, vernacularName: string | null): Species {
  if (db.prepare('UPDATE species SET vernacular_name = ? WHERE scientific_name = ?').run(vernacularName || null, scientificName).changes === 0) {
    throw new StationError('not-found', 'species-not-listed', { name: scientificName });
  }
  return { scientificName, vernacularName: vernacularName || null };
}

/** A species still used by a label stays: removing it would orphan those observations. */
export function removeSpecies(db: Db, scientificName: string): null {
  const used = (db.prepare('SELECT COUNT(*) AS n FROM observations WHERE scientific_name = ?').get(scientificName) as { n: number }).n;
  if (used > 0) throw new StationError('conflict', 'species-in-use', { name: scientificName, count: used });
  if (db.prepare('DELETE FROM species WHERE scientific_name = ?').run(scientificName).changes === 0) throw new StationError('not-found', 'species-not-listed', { name: scientificName });
  return null;
}
