import fs from 'node:fs';
import path from 'node:path';
import { readMegadetector } from './megadetector-format.ts';
import { normalizeResultPath } from './result-paths.ts';
import type { ResultsFile } from './results-file.ts';
import { ResultsProblems } from './results-problems.ts';
import { readSpeciesnet } from './speciesnet-format.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { Says } from '../../rpc/messages.ts';

export interface ReadResults {
  format: ResultsFile['format'];
  results: ResultsFile | null;
  /** Everything wrong with the file's content; a file with problems is never imported. */
  problems: Says[];
  /** How many problems there are, also those the list leaves out. */
  problemCount: number;
}

function parseJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StationError('not-found', 'results-file-missing', { file });
    throw new StationError('invalid-input', 'results-file-unreadable', { file, detail: code ?? (err as Error).message });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new StationError('invalid-input', 'results-not-json', { file: path.basename(file), detail: (err as Error).message });
  }
}

/** The same file twice in one results file: which result would be right is anybody's guess. */
function findDuplicates(results: ResultsFile, problems: ResultsProblems): void {
  const seen = new Map<string, number>();
  for (const e of results.entries) {
    const key = normalizeResultPath(e.file).toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, e.index);
    else problems.add('results-duplicate-file', { file: e.file, first: first + 1, second: e.index + 1 });
  }
}

/**
 * A MegaDetector batch output or a SpeciesNet predictions.json, read and checked. A file that
 * cannot be read or is not JSON at all is an error; what is wrong inside comes back as a list.
 */
export function readResultsFile(file: string): ReadResults {
  const raw = parseJson(file);
  const problems = new ResultsProblems();
  const name = path.basename(file);
  const isObject = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const format = isObject && 'images' in raw ? 'megadetector' : isObject && 'predictions' in raw ? 'speciesnet' : null;
  if (!format) throw new StationError('invalid-input', 'results-format-unknown', { file: name });
  const results = format === 'megadetector' ? readMegadetector(raw, name, problems) : readSpeciesnet(raw, problems);
  if (results) findDuplicates(results, problems);
  return { format, results, problems: problems.list(), problemCount: problems.count };
}
