import { z } from 'zod';
import { taxonRanks, type TaxonRank } from './contract.ts';
import { bestScore, foldName, parseQuery, type FoldedName } from './name-match.ts';
import { PrefixIndex } from './prefix-index.ts';
import bundled from '../../../resources/species/checklist.json' with { type: 'json' };

const taxonSchema = z.object({
  scientificName: z.string().min(2),
  taxonRank: z.enum(taxonRanks),
  class: z.string().min(2),
  order: z.string().min(2).optional(),
  family: z.string().min(2).optional(),
  vernacularNames: z.record(z.string(), z.string().min(1)).refine((names) => names.en !== undefined, 'every taxon has an English name'),
});

/** One taxon of the checklist that ships with the app (resources/species/checklist.json). */
export type ChecklistTaxon = z.infer<typeof taxonSchema>;

/** The common name in a language, else in English. */
export function nameIn(taxon: ChecklistTaxon, language: string): string {
  return taxon.vernacularNames[language] ?? taxon.vernacularNames[language.split('-')[0] ?? ''] ?? (taxon.vernacularNames.en as string);
}

/** Every name a taxon is found by: scientific and common, in every language. */
export function namesOf(taxon: ChecklistTaxon): string[] {
  return [taxon.scientificName, ...Object.values(taxon.vernacularNames)];
}

export interface ChecklistHit {
  taxon: ChecklistTaxon;
  score: number;
}

export class Checklist {
  readonly taxa: readonly ChecklistTaxon[];
  private readonly names: FoldedName[][];
  private readonly index: PrefixIndex;
  private readonly byName: Map<string, ChecklistTaxon>;

  constructor(taxa: readonly ChecklistTaxon[]) {
    this.taxa = taxa;
    this.names = taxa.map((t) => namesOf(t).map(foldName));
    this.index = new PrefixIndex(this.names);
    this.byName = new Map(taxa.map((t) => [t.scientificName, t]));
  }

  get(scientificName: string): ChecklistTaxon | undefined {
    return this.byName.get(scientificName);
  }

  rankOf(scientificName: string): TaxonRank | null {
    return this.byName.get(scientificName)?.taxonRank ?? null;
  }

  /** The taxa whose names answer the query, best first; the longest word of the query picks the candidates. */
  search(query: string): ChecklistHit[] {
    const q = parseQuery(query);
    const longest = [...q.words].sort((a, b) => b.length - a.length)[0];
    if (longest === undefined) return [];
    const hits: ChecklistHit[] = [];
    for (const id of this.index.find(longest)) {
      const score = bestScore(this.names[id] as FoldedName[], q);
      if (score !== null) hits.push({ taxon: this.taxa[id] as ChecklistTaxon, score });
    }
    return hits.sort((a, b) => a.score - b.score || a.taxon.scientificName.localeCompare(b.taxon.scientificName));
  }
}

let shipped: Checklist | undefined;

/** The checklist that ships with the app, read and indexed the first time it is needed. */
export function bundledChecklist(): Checklist {
  shipped ??= new Checklist(z.array(taxonSchema).parse(bundled));
  return shipped;
}
