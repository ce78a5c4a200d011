import { foldText, hasHan, wordsOf } from './fold-text.ts';

/** A name ready for matching: folded once, when the list is built. */
export interface FoldedName {
  text: string;
  words: string[];
}

export function foldName(name: string): FoldedName {
  const text = foldText(name);
  return { text, words: wordsOf(text) };
}

/** What a person typed, folded the same way. */
export interface Query {
  text: string;
  words: string[];
}

export function parseQuery(query: string): Query {
  const text = foldText(query);
  return { text, words: wordsOf(text) };
}

function wordMatches(name: FoldedName, word: string): boolean {
  return name.words.some((w) => w.startsWith(word)) || (hasHan(word) && name.text.includes(word));
}

/**
 * How well one name answers a query, lower is better, null when some word of the query is not
 * in the name. First by kind: the whole name (0); whole words of it ("leopard" in "Leopard cat"
 * or "Snow leopard"); its start ("Leopardus"); the starts of its words ("pard" in "Panthera
 * pardus"). Then, within a kind, the shorter name: "Red fox" before "Fox squirrel".
 */
export function nameScore(name: FoldedName, query: Query): number | null {
  if (query.words.length === 0) return null;
  if (name.text === query.text) return 0;
  const scored = (kind: number) => kind * 1000 + Math.min(name.text.length, 999);
  const starts = name.text.startsWith(query.text);
  if (starts && !/[\p{L}\p{N}]/u.test(name.text.charAt(query.text.length))) return scored(1);
  if (query.words.every((w) => name.words.includes(w))) return scored(1);
  if (starts) return scored(2);
  return query.words.every((w) => wordMatches(name, w)) ? scored(3) : null;
}

/** The best score of any of a taxon's names. */
export function bestScore(names: readonly FoldedName[], query: Query): number | null {
  let best: number | null = null;
  for (const name of names) {
    const score = nameScore(name, query);
    if (score !== null && (best === null || score < best)) best = score;
    if (best === 0) break;
  }
  return best;
}
