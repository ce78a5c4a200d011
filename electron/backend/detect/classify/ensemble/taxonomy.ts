import { labelParts, specialLabels } from './labels.ts';

export type TaxonomyLevel = 'species' | 'genus' | 'family' | 'order' | 'class' | 'kingdom';

/** Full class string (`class;order;family;genus;species`) to the classifier's label for it. */
export type Taxonomy = ReadonlyMap<string, string>;

/** How many taxon parts, after the uuid, a label keeps at each level. */
const depth: Record<TaxonomyLevel, number> = { kingdom: 0, class: 1, order: 2, family: 3, genus: 4, species: 5 };

const taxaOf = (label: string) => label.split(';').slice(1, 6).join(';');

/**
 * The taxonomy SpeciesNet builds from the label list (ensemble.py, load_taxonomy): blank and
 * vehicle share the empty taxa with "animal", which must win so that a rollup to kingdom is "animal".
 */
export function taxonomyOf(labels: readonly string[]): Taxonomy {
  const taxonomy = new Map(labels.map((label) => [taxaOf(label), label]));
  for (const label of [specialLabels.blank, specialLabels.vehicle, specialLabels.unknown]) taxonomy.delete(taxaOf(label));
  for (const label of [specialLabels.human, specialLabels.animal]) taxonomy.set(taxaOf(label), label);
  return taxonomy;
}

/**
 * The label of a label's ancestor at a level, e.g. `uuid;mammalia;carnivora;felidae;;;cat family`
 * for a lion at family level; null where the label is not that precise or the taxonomy lacks it.
 */
export function ancestorAt(label: string, level: TaxonomyLevel, taxonomy: Taxonomy): string | null {
  const parts = labelParts(label);
  const keep = depth[level];
  if (keep === 0) {
    // Anything with a class is an animal; "animal" itself too, but not blank or vehicle.
    if (!parts[1] && label !== specialLabels.animal) return null;
  } else if (!parts[keep]) {
    return null;
  }
  const ancestor = [...parts.slice(1, 1 + keep), ...Array<string>(5 - keep).fill('')].join(';');
  return taxonomy.get(ancestor) ?? null;
}
