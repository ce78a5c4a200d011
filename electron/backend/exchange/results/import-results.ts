import path from 'node:path';
import type { ResultsImported, ResultsPreview } from './contract.ts';
import { matchEntries, type Matching } from './match-entries.ts';
import { readResultsFile } from './read-results-file.ts';
import { normalizeResultPath, suggestMapping, type Mapping } from './result-paths.ts';
import type { ResultsFile } from './results-file.ts';
import { ResultsProblems } from './results-problems.ts';
import { storeResults } from './store-results.ts';
import type { Db } from '../../library/db.ts';
import { StationError } from '../../rpc/envelope.ts';
import { englishFor, type Says } from '../../rpc/messages.ts';

export interface ResultsRequest {
  file: string;
  root?: string;
  folder?: string;
}

/** Enough to see what did not match and why; the counts say how many there are in all. */
const shownUnmatched = 200;

interface Prepared {
  format: ResultsFile['format'];
  results: ResultsFile | null;
  mapping: Mapping;
  matching: Matching;
  problems: Says[];
  problemCount: number;
}

function prepare(db: Db, request: ResultsRequest): Prepared {
  const read = readResultsFile(request.file);
  const entries = read.results?.entries ?? [];
  const mapping = suggestMapping(
    db,
    entries.map((e) => normalizeResultPath(e.file)),
    { root: request.root, folder: request.folder },
  );
  const more = new ResultsProblems();
  const matching = matchEntries(db, entries, mapping.root, mapping.folder, more);
  return { format: read.format, results: read.results, mapping, matching, problems: [...read.problems, ...more.list()], problemCount: read.problemCount + more.count };
}

function counts(results: ResultsFile | null) {
  const entries = results?.entries ?? [];
  let boxes = 0;
  let skippedBoxes = 0;
  let labels = 0;
  for (const e of entries) {
    boxes += e.boxes.length;
    skippedBoxes += e.skippedBoxes;
    labels += e.labels.length + e.boxes.reduce((n, b) => n + b.labels.length, 0);
  }
  return { entries: entries.length, failures: entries.filter((e) => e.failure !== null).length, videos: entries.filter((e) => e.frameRate !== null).length, boxes, skippedBoxes, labels };
}

/** What an import of the file would find and match, and what is wrong with it; nothing is written. */
export function previewResults(db: Db, request: ResultsRequest): ResultsPreview {
  const p = prepare(db, request);
  const d = p.results?.detector;
  return {
    file: request.file,
    format: p.format,
    formatVersion: p.results?.formatVersion ?? null,
    modelID: d?.modelID ?? '',
    modelName: d?.modelName ?? '',
    modelVersion: d?.modelVersion ?? '',
    classifier: p.results?.classifier ?? null,
    threshold: d?.threshold ?? 0,
    conservativeThreshold: d?.conservativeThreshold ?? null,
    ...counts(p.results),
    ...p.mapping,
    matched: p.matching.matched.length,
    unmatched: p.matching.unmatched.length,
    unmatchedFiles: p.matching.unmatched.slice(0, shownUnmatched),
    problems: p.problems,
    problemCount: p.problemCount,
  };
}

/**
 * Stores the file's results for the pictures that match, as one imported detection run. A file
 * with any problem, or of which nothing matches, changes nothing and says why.
 */
export function importResults(db: Db, request: ResultsRequest & { threshold?: number }): ResultsImported {
  const p = prepare(db, request);
  const name = path.basename(request.file);
  if (!p.results || p.problemCount > 0) {
    const first = p.problems[0];
    throw new StationError('invalid-input', 'results-file-invalid', { file: name, count: p.problemCount, first: first ? englishFor(first.key, first.values) : '' });
  }
  if (p.matching.matched.length === 0) {
    throw new StationError('invalid-input', 'results-nothing-matched', { file: name, count: p.results.entries.length, root: p.mapping.root || '/', folder: p.mapping.folder });
  }
  const stored = storeResults(db, request.file, p.results, p.matching, request.threshold ?? p.results.detector.threshold);
  return {
    runId: stored.runId,
    file: request.file,
    matched: p.matching.matched.length,
    unmatched: p.matching.unmatched.length,
    unmatchedFiles: p.matching.unmatched.slice(0, shownUnmatched),
    boxes: stored.boxes,
    labels: stored.labels,
    deployments: stored.deployments,
  };
}
