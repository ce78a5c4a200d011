import type { Db } from '../../../library/db.ts';
import { bundledChecklist } from '../../../review/checklist.ts';

/** The app's languages as ISO 639-3, which Camtrap DP wants for vernacularNames. */
const iso6393: Record<string, string> = { en: 'eng', 'zh-CN': 'zho', es: 'spa', fr: 'fra', 'pt-BR': 'por', id: 'ind' };

export interface TaxonEntry {
  scientificName: string;
  taxonRank?: string;
  kingdom?: string;
  class?: string;
  order?: string;
  family?: string;
  vernacularNames?: Record<string, string>;
}

/** A rank from the shape of a name the checklist does not know: two words a species, three a subspecies; one word could be any rank. */
function rankFromShape(name: string): string | undefined {
  const words = name.trim().split(/\s+/).length;
  return words === 2 ? 'species' : words === 3 ? 'subspecies' : undefined;
}

/**
 * The package's taxonomic coverage: every scientific name its observations use, with rank,
 * higher taxa and common names from the checklist that ships with the app; a name only the
 * library knows keeps its common name as undetermined language (und), since nobody said which.
 */
export function taxonomicCoverage(db: Db, names: Iterable<string>): TaxonEntry[] {
  const checklist = bundledChecklist();
  const ownName = db.prepare('SELECT vernacular_name AS name FROM species WHERE scientific_name = ?');
  return [...new Set(names)].sort().map((scientificName) => {
    const taxon = checklist.get(scientificName);
    if (taxon) {
      const vernacularNames = Object.fromEntries(Object.entries(taxon.vernacularNames).flatMap(([lang, name]) => (iso6393[lang] ? [[iso6393[lang], name]] : [])));
      return {
        scientificName,
        taxonRank: taxon.taxonRank,
        kingdom: 'Animalia',
        class: taxon.class,
        ...(taxon.order ? { order: taxon.order } : {}),
        ...(taxon.family ? { family: taxon.family } : {}),
        vernacularNames,
      };
    }
    const own = (ownName.get(scientificName) as { name: string | null } | undefined)?.name;
    const rank = rankFromShape(scientificName);
    return { scientificName, ...(rank ? { taxonRank: rank } : {}), ...(own ? { vernacularNames: { und: own } } : {}) };
  });
}
