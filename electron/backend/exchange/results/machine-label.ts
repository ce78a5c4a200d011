/** What a classifier's label means for the library: a kind of observation, and a taxon when it names one. */
export interface LabelMeaning {
  observationType: 'animal' | 'human' | 'vehicle' | 'blank' | 'unknown';
  scientificName: string | null;
  vernacularName: string | null;
}

const capital = (s: string): string => (s ? s[0]?.toUpperCase() + s.slice(1) : s);

/**
 * A taxonomy of class;order;family;genus;species (lower case, as SpeciesNet and Wildlife
 * Insights write it): the scientific name at the finest rank given, "Canis lupus dingo" for a
 * subspecies, "Panthera" for a genus. Humans are people, not an animal species.
 */
function fromTaxonomy(tokens: string[], common: string | null): LabelMeaning {
  const [cls = '', order = '', family = '', genus = '', species = ''] = tokens.map((t) => t.trim());
  if (cls === 'no cv result') return { observationType: 'unknown', scientificName: null, vernacularName: null };
  if (genus === 'homo') return { observationType: 'human', scientificName: null, vernacularName: common };
  if (!cls) return plainName(common ?? '');
  const name = species ? `${capital(genus)} ${species}` : capital(genus || family || order || cls);
  return { observationType: 'animal', scientificName: name, vernacularName: common };
}

/** A name alone: the special classes every classifier has, a binomial, or a common name. */
function plainName(name: string): LabelMeaning {
  const lower = name.trim().toLowerCase();
  if (lower === 'blank' || lower === 'empty') return { observationType: 'blank', scientificName: null, vernacularName: null };
  if (lower === 'human' || lower === 'person' || lower === 'people') return { observationType: 'human', scientificName: null, vernacularName: null };
  if (lower === 'vehicle') return { observationType: 'vehicle', scientificName: null, vernacularName: null };
  if (lower === 'unknown' || lower === 'unidentified' || lower === '') return { observationType: 'unknown', scientificName: null, vernacularName: null };
  if (lower === 'animal') return { observationType: 'animal', scientificName: null, vernacularName: null };
  if (/^[A-Z][a-z-]+( [a-z-]+){0,2}$/.test(name.trim())) return { observationType: 'animal', scientificName: name.trim(), vernacularName: null };
  return { observationType: 'animal', scientificName: null, vernacularName: name.trim() };
}

/**
 * Reads a label: SpeciesNet's seven parts (uuid;class;order;family;genus;species;common name),
 * a five-part taxonomy, or a plain name (a MegaDetector classification category).
 */
export function labelMeaning(label: string): LabelMeaning {
  const tokens = label.split(';');
  if (tokens.length === 7) return fromTaxonomy(tokens.slice(1, 6), tokens[6]?.trim() || null);
  if (tokens.length === 5) return fromTaxonomy(tokens, null);
  return plainName(label);
}

/**
 * A short name to show for a SpeciesNet label, as MegaDetector's tools make one: the common name,
 * else the binomial, else "<genus> species", "<family> family" and so on.
 */
export function displayName(label: string): string {
  const tokens = label.split(';').map((t) => t.trim());
  if (tokens.length !== 7) return label;
  const [id = '', cls = '', order = '', family = '', genus = '', species = '', common = ''] = tokens;
  if (common) return common;
  if (species) return `${genus} ${species}`;
  if (genus) return `${genus} species`;
  if (family) return `${family} family`;
  if (order) return `${order} order`;
  if (cls) return `${cls} class`;
  return id ? `${id} category` : label;
}
