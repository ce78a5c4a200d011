import { bundledChecklist, nameIn, namesOf, type Checklist } from './checklist.ts';
import type { Species, SpeciesEntry } from './contract.ts';
import { bestScore, foldName, parseQuery } from './name-match.ts';
import type { Db } from '../library/db.ts';

export interface SpeciesQuery {
  query: string;
  limit: number;
  /** The language of the common names given for checklist species. */
  language: string;
  scope: 'all' | 'library';
}

const byName = (a: Species, b: Species) => (a.scientificName < b.scientificName ? -1 : a.scientificName > b.scientificName ? 1 : 0);

/**
 * The library's own species that answer the query, then the checklist's that are not on the
 * list yet, each best match first. Case and accents do not matter, and a listed species is
 * also found by the checklist's names for it in every language.
 */
export function listSpecies(db: Db, { query, limit, language, scope }: SpeciesQuery, checklist: Checklist = bundledChecklist()): SpeciesEntry[] {
  const own = (s: Species): SpeciesEntry => ({ ...s, origin: 'library', taxonRank: checklist.rankOf(s.scientificName), inChecklist: checklist.get(s.scientificName) !== undefined });
  const select = 'SELECT scientific_name AS scientificName, vernacular_name AS vernacularName FROM species ORDER BY scientific_name';
  if (query === '') return (db.prepare(`${select} LIMIT ?`).all(limit) as Species[]).map(own);
  const q = parseQuery(query);
  const rows = db.prepare(select).all() as Species[];
  const listed = new Set(rows.map((r) => r.scientificName));
  const mine = rows
    .map((row) => {
      const taxon = checklist.get(row.scientificName);
      const names = [row.scientificName, row.vernacularName ?? '', ...(taxon ? namesOf(taxon) : [])].map(foldName);
      return { row, score: bestScore(names, q) };
    })
    .filter((m): m is { row: Species; score: number } => m.score !== null)
    .sort((a, b) => a.score - b.score || byName(a.row, b.row))
    .slice(0, limit)
    .map((m) => own(m.row));
  if (scope === 'library') return mine;
  const found = [...mine];
  for (const { taxon } of checklist.search(query)) {
    if (found.length >= limit) break;
    if (listed.has(taxon.scientificName)) continue;
    found.push({ scientificName: taxon.scientificName, vernacularName: nameIn(taxon, language), origin: 'checklist', taxonRank: taxon.taxonRank, inChecklist: true });
  }
  return found;
}
