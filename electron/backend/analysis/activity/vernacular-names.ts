import type { Db } from '../../library/db.ts';
import { bundledChecklist, nameIn } from '../../review/checklist.ts';

/**
 * Common names of taxa in the user's language: from the bundled checklist in that language
 * first, else the name on the library's own list (often typed by the team), else, in English,
 * the name a classifier gave the species it predicted, else none.
 */
export function vernacularNames(db: Db, taxa: readonly string[], language: string): Record<string, string | null> {
  const checklist = bundledChecklist();
  const own = db.prepare('SELECT vernacular_name AS name FROM species WHERE scientific_name = ?');
  const predicted = db.prepare("SELECT vernacular_name AS name FROM classifications WHERE scientific_name = ? AND kind = 'prediction' AND vernacular_name IS NOT NULL LIMIT 1");
  const english = language.split('-')[0] === 'en';
  const out: Record<string, string | null> = {};
  for (const taxon of taxa) {
    if (!taxon.startsWith('species:')) {
      out[taxon] = null;
      continue;
    }
    const scientific = taxon.slice('species:'.length);
    const listed = checklist.get(scientific);
    const ownName = (own.get(scientific) as { name: string | null } | undefined)?.name ?? null;
    const machineName = () => (english ? ((predicted.get(scientific) as { name: string } | undefined)?.name ?? null) : null);
    out[taxon] = listed ? nameIn(listed, language) : (ownName ?? machineName());
  }
  return out;
}
