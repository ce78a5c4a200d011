import fs from 'node:fs';
import type { Species } from './contract.ts';
import type { Db } from '../library/db.ts';
import { nowIso } from '../library/ids.ts';
import { StationError } from '../rpc/envelope.ts';

/** Search by the start of a word of the scientific or the common name, scientific matches first. */
export function listSpecies(db: Db, query: string, limit: number): Species[] {
  const like = `${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const word = `% ${like}`;
  return db
    .prepare(
      `SELECT scientific_name AS scientificName, vernacular_name AS vernacularName FROM species
       WHERE @q = '' OR scientific_name LIKE @like ESCAPE '\\' OR scientific_name LIKE @word ESCAPE '\\'
          OR vernacular_name LIKE @like ESCAPE '\\' OR vernacular_name LIKE @word ESCAPE '\\'
       ORDER BY (scientific_name LIKE @like ESCAPE '\\') DESC, scientific_name LIMIT @limit`,
    )
    .all({ q: query, like, word, limit }) as Species[];
}

export function addSpecies(db: Db, s: Species): Species {
  if (db.prepare('SELECT 1 FROM species WHERE scientific_name = ?').get(s.scientificName)) {
    throw new StationError('conflict', `${s.scientificName} is already in the species list.`);
  }
  db.prepare('INSERT INTO species (scientific_name, vernacular_name, created_at) VALUES (?, ?, ?)').run(s.scientificName, s.vernacularName, nowIso());
  return s;
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
  if (!fs.existsSync(file)) throw new StationError('not-found', `There is no file ${file}.`);
  const [header, ...lines] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
  const columns = parseCsvLine(header ?? '');
  const sci = columns.indexOf('scientificName');
  const common = columns.indexOf('vernacularName');
  if (sci === -1) throw new StationError('invalid-input', `${file} has no scientificName column: the first line must name the columns, e.g. scientificName,vernacularName.`);
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
    throw new StationError('not-found', `${scientificName} is not in the species list.`);
  }
  return { scientificName, vernacularName: vernacularName || null };
}

/** A species still used by a label stays: removing it would orphan those observations. */
export function removeSpecies(db: Db, scientificName: string): null {
  const used = (db.prepare('SELECT COUNT(*) AS n FROM observations WHERE scientific_name = ?').get(scientificName) as { n: number }).n;
  if (used > 0) throw new StationError('conflict', `${scientificName} is used by ${used} label(s): relabel them first.`);
  if (db.prepare('DELETE FROM species WHERE scientific_name = ?').run(scientificName).changes === 0) throw new StationError('not-found', `${scientificName} is not in the species list.`);
  return null;
}
