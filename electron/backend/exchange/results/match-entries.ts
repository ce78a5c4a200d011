import { libraryPathOf, mediaLookup, normalizeResultPath, type MediaHit } from './result-paths.ts';
import type { ResultEntry } from './results-file.ts';
import type { ResultsProblems } from './results-problems.ts';
import type { Db } from '../../library/db.ts';

export interface UnmatchedFile {
  file: string;
  /** outside-root: the path does not start with the root; not-in-library: no picture there in the library. */
  reason: 'outside-root' | 'not-in-library';
}

export interface Matching {
  matched: { entry: ResultEntry; media: MediaHit }[];
  unmatched: UnmatchedFile[];
}

/**
 * Each entry's picture in the library: the root stripped from its path, the library folder put
 * in its place. Two paths that lead to one picture (they differ only in case) are a problem.
 */
export function matchEntries(db: Db, entries: readonly ResultEntry[], root: string, folder: string, problems: ResultsProblems): Matching {
  const lookup = mediaLookup(db);
  const byMedia = new Map<number, string>();
  const out: Matching = { matched: [], unmatched: [] };
  for (const entry of entries) {
    const normal = normalizeResultPath(entry.file);
    const at = libraryPathOf(normal, root, folder);
    const media = at === null ? undefined : lookup(at);
    if (!media) {
      out.unmatched.push({ file: entry.file, reason: at === null ? 'outside-root' : 'not-in-library' });
      continue;
    }
    const earlier = byMedia.get(media.mediaPk);
    if (earlier !== undefined && normalizeResultPath(earlier).toLowerCase() !== normal.toLowerCase()) {
      problems.add('results-duplicate-media', { first: earlier, second: entry.file, media: media.filePath });
    }
    byMedia.set(media.mediaPk, entry.file);
    out.matched.push({ entry, media });
  }
  return out;
}
