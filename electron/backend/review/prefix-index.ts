import { hasHan } from './fold-text.ts';
import type { FoldedName } from './name-match.ts';

/**
 * Every word of every name, sorted, pointing back to its entry: a word typed in the search box
 * finds the entries with a word that starts with it by binary search, without reading them all.
 * A Chinese word is filed under each of its tails too, so that any part of it is found.
 */
export class PrefixIndex {
  private readonly words: string[];
  private readonly ids: number[];

  constructor(entries: readonly (readonly FoldedName[])[]) {
    const pairs: [string, number][] = [];
    entries.forEach((names, id) => {
      const seen = new Set<string>();
      for (const name of names) {
        for (const word of name.words) {
          const keys = hasHan(word) ? [...word].map((_, i) => [...word].slice(i).join('')) : [word];
          for (const key of keys) {
            if (seen.has(key)) continue;
            seen.add(key);
            pairs.push([key, id]);
          }
        }
      }
    });
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.words = pairs.map((p) => p[0]);
    this.ids = pairs.map((p) => p[1]);
  }

  /** The entries with a word that starts with this one. */
  find(prefix: string): Set<number> {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.words[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found = new Set<number>();
    for (let i = lo; i < this.words.length && (this.words[i] as string).startsWith(prefix); i += 1) found.add(this.ids[i] as number);
    return found;
  }
}
