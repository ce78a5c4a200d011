import type { LabelMeaning } from './machine-label.ts';
import type { Category } from '../../detect/model-manifest.ts';

/** What a classifier said: its ensemble's final answer, or one of its ranked guesses. */
export interface MachineLabel extends LabelMeaning {
  kind: 'prediction' | 'ranked';
  rank: number;
  /** The name the classifier gives it (a MegaDetector classification category, SpeciesNet's short name). */
  label: string;
  /** Its full taxonomy string, when the file gives one. */
  description: string | null;
  conf: number;
  /** Which part of an ensemble gave it (SpeciesNet's prediction_source). */
  source: string | null;
}

export interface ResultBox {
  category: Category;
  conf: number;
  /** x, y, width, height, relative to the picture, from its top-left corner. */
  bbox: [number, number, number, number];
  frameNumber: number | null;
  labels: MachineLabel[];
}

/** One picture or video of a results file, in the file's order. */
export interface ResultEntry {
  index: number;
  /** The path as the file writes it. */
  file: string;
  /** Why the tool could not process it, in its own words; null when it was processed. */
  failure: string | null;
  boxes: ResultBox[];
  /** Boxes of classes the library does not keep (MegaDetector v3's "group") or of no size. */
  skippedBoxes: number;
  /** What a classifier said of the whole picture (SpeciesNet). */
  labels: MachineLabel[];
  frameRate: number | null;
  framesProcessed: number[] | null;
}

/** The detector as the library keeps it with the run: a model ID, name, version and its thresholds. */
export interface DetectorIdentity {
  modelID: string;
  modelName: string;
  modelVersion: string;
  threshold: number;
  conservativeThreshold: number | null;
  /** The lowest confidence the file may hold: boxes below it were never written. */
  keepThreshold: number;
}

export interface ResultsFile {
  format: 'megadetector' | 'speciesnet';
  /** MegaDetector's format_version; null for SpeciesNet, whose files have none. */
  formatVersion: string | null;
  detector: DetectorIdentity;
  classifier: string | null;
  /** The file's own description of the run, kept so that an export can give it back. */
  info: Record<string, unknown>;
  entries: ResultEntry[];
}
