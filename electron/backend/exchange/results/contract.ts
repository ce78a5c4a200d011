import { z } from 'zod';
import type { UnmatchedFile } from './match-entries.ts';
import { method } from '../../rpc/define.ts';
import type { Says } from '../../rpc/messages.ts';
import { chosenPath } from '../../rpc/paths.ts';
import { saying } from '../../rpc/saying.ts';

export type { UnmatchedFile } from './match-entries.ts';

/** What importing a results file would do, before anything is written. */
export interface ResultsPreview {
  file: string;
  format: 'megadetector' | 'speciesnet';
  /** MegaDetector's format_version; null for SpeciesNet. */
  formatVersion: string | null;
  modelID: string;
  modelName: string;
  modelVersion: string;
  classifier: string | null;
  /** The detector's recommended threshold (the file's, else MegaDetector's for that version). */
  threshold: number;
  conservativeThreshold: number | null;
  /** Pictures and videos in the file; those the tool could not process; videos among them. */
  entries: number;
  failures: number;
  videos: number;
  boxes: number;
  /** Boxes of classes the library does not keep, or of no size. */
  skippedBoxes: number;
  /** Classifications of boxes and of whole pictures. */
  labels: number;
  /** The start of the file's paths that is replaced by the library folder. */
  root: string;
  folder: string;
  /** Roots and library folders to choose from, the best guesses first. */
  roots: string[];
  folders: string[];
  matched: number;
  unmatched: number;
  /** The first unmatched files, with why. */
  unmatchedFiles: UnmatchedFile[];
  /** What is wrong with the file; while there is anything, it cannot be imported. */
  problems: Says[];
  problemCount: number;
}

export interface ResultsImported {
  runId: number;
  file: string;
  matched: number;
  unmatched: number;
  unmatchedFiles: UnmatchedFile[];
  boxes: number;
  labels: number;
  /** The deployments whose pictures got results (their events were brought up to date). */
  deployments: string[];
}

/** A folder of the library: media, or a folder inside it; never a way out. */
const libraryFolder = z
  .string()
  .refine((f) => /^media(\/[^/\\]+)*$/.test(f) && !f.split('/').some((part) => part === '..' || part === '.'), saying('results-folder-invalid'));

const resultsInput = z.object({
  file: chosenPath('choose-results-file'),
  /** The start of the paths in the file to take away (a folder on the machine that ran the detector); suggested when left out. */
  root: z.string().max(4096).optional(),
  folder: libraryFolder.optional(),
});

export const resultsMethods = {
  'exchange.previewResults': method<ResultsPreview>()(resultsInput),
  'exchange.importResults': method<ResultsImported>()(resultsInput.extend({ threshold: z.number().min(0).max(1).optional() })),
} as const;
