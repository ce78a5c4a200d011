import type { StationActivity } from '../../../electron/backend/analysis/contract.ts';

export type StationColumn = 'name' | 'events' | 'trapNights' | 'rai';

export interface StationSort {
  column: StationColumn;
  descending: boolean;
}

/** Letters without accents or case, so "rivière" finds "Riviere 3". */
export function foldedText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** A first click on a number column puts the largest first; on the name, A before Z. Again, the other way. */
export function nextSort(current: StationSort, column: StationColumn): StationSort {
  return current.column === column ? { column, descending: !current.descending } : { column, descending: column !== 'name' };
}

/**
 * The stations whose name holds the searched text, in the chosen order. Names compare as people
 * read them ("Station 2" before "Station 10"); equal numbers keep that order too.
 */
export function stationRows(stations: readonly StationActivity[], search: string, sort: StationSort, language: string): StationActivity[] {
  const wanted = foldedText(search.trim());
  const byName = new Intl.Collator(language, { numeric: true, sensitivity: 'base' }).compare;
  const value = (s: StationActivity): number => (sort.column === 'name' ? 0 : s[sort.column]);
  const sign = sort.descending ? -1 : 1;
  return stations
    .filter((s) => !wanted || foldedText(s.locationName).includes(wanted))
    .sort((a, b) => {
      const order = sort.column === 'name' ? byName(a.locationName, b.locationName) : value(a) - value(b);
      return order !== 0 ? sign * order : byName(a.locationName, b.locationName);
    });
}
