import { createContext } from 'react';
import type { Filters } from '../media/GridFilters.tsx';

/** Opens the Images page with these filters; absent where no page switch is possible, so numbers stay plain text. */
export const OpenImagesContext = createContext<((filters: Partial<Filters>) => void) | undefined>(undefined);

/** The Images filters that show the pictures behind a taxon's number on the map. */
export function taxonFilters(taxon: string): Partial<Filters> {
  if (taxon.startsWith('species:')) return { scientificName: taxon.slice('species:'.length) };
  const category = taxon.slice('class:'.length);
  return category === 'animal' || category === 'person' || category === 'vehicle' ? { category } : {};
}
