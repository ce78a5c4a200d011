import { z } from 'zod';
import { event, method } from '../rpc/define.ts';
import type { Says } from '../rpc/messages.ts';
import { chosenPath } from '../rpc/paths.ts';
import { saying } from '../rpc/saying.ts';
import type { SortedImported } from './sorted-folders/import-sorted.ts';
import type { SortedPreview } from './sorted-folders/preview-sorted.ts';

export type { SortedImported } from './sorted-folders/import-sorted.ts';
export type { SortedFolderPreview, SortedGroupPreview, SortedPreview } from './sorted-folders/preview-sorted.ts';

export interface CameraSeen {
  make: string | null;
  model: string | null;
  serialNumber: string | null;
  userLabel: string | null;
  files: number;
}

export interface ImportPreview {
  source: string;
  files: number;
  images: number;
  videos: number;
  otherFiles: number;
  totalBytes: number;
  /** Wall-clock camera times, YYYY-MM-DD HH:MM:SS. */
  firstTime: string | null;
  lastTime: string | null;
  /** True when the times were read from a sample of the files, not all of them. */
  sampled: boolean;
  filesWithoutExifTime: number;
  cameras: CameraSeen[];
  suggestion: { deploymentID: string; reason: 'camera-and-dates' | 'dates' } | null;
  /** Files whose dates were checked against the deployments: the sampled images and every video. */
  datesChecked: number;
  /** By deployment ID, only for deployments that some checked files fall outside of. */
  outside: Record<string, OutsideDates>;
}

/** The files dated outside a deployment once its clock offset is applied, as the import would record them. */
export interface OutsideDates {
  count: number;
  /** The first few, in card order; time is the corrected wall clock, YYYY-MM-DD HH:MM:SS. */
  examples: { name: string; time: string }[];
}

export interface ImportProgress {
  importId: number;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  bytesPerSecond: number;
  secondsLeft: number | null;
  imported: number;
  duplicates: number;
  failed: number;
}

export type ImportState = 'running' | 'done' | 'cancelled' | 'interrupted' | 'source-lost' | 'disk-full' | 'failed';

export interface ImportFileNote {
  path: string;
  reason: string;
  /** The reason as message keys, to show in the user's language; absent for notes written before keys were kept. */
  says?: Says[];
}

export interface ImportSummary {
  importId: number;
  deploymentID: string;
  source: string;
  state: ImportState;
  message: string | null;
  /** The message as message keys, to show in the user's language; absent for imports recorded before keys were kept. */
  says?: Says[];
  imported: number;
  duplicates: number;
  failed: ImportFileNote[];
  notImported: ImportFileNote[];
  warnings: ImportFileNote[];
}

export interface Volume {
  path: string;
  label: string;
  hasDcim: boolean;
}

const source = chosenPath('choose-card');
const layout = z.enum(['station-species', 'station-camera-species']).optional();
const folderChoice = z.object({
  name: z.string().min(1).max(255),
  scientificName: z.string().min(2).max(200).nullable(),
  observationType: z.enum(['animal', 'human', 'vehicle', 'unknown', 'blank']),
});

export const ingestMethods = {
  'ingest.preview': method<ImportPreview>()(z.object({ source })),
  'ingest.start': method<{ importId: number }>()(z.object({ source, deploymentID: z.string().trim().refine((id) => id.length > 0, saying('choose-deployment')) })),
  'ingest.cancel': method<null>()(z.object({ importId: z.number().int().positive() })),
  'ingest.summary': method<ImportSummary>()(z.object({ importId: z.number().int().positive() })),
  'ingest.list': method<ImportSummary[]>()(z.object({})),
  'volumes.list': method<Volume[]>()(z.object({})),
  /** A card or folder sorted by hand the camtrapR way (Station/Species/files, or Station/Camera/Species/files): what an import would do. */
  'ingest.previewSorted': method<SortedPreview>()(z.object({ source, layout })),
  /** Imports each station folder into its deployment, one after the other, and gives every file the species of its folder. */
  'ingest.importSorted': method<SortedImported>()(z.object({ source, layout, folders: z.array(folderChoice).max(2000).default([]), language: z.string().max(20).default('en') })),
} as const;

export const ingestEvents = {
  'ingest.progress': event<ImportProgress>(),
  'ingest.finished': event<ImportSummary>(),
  'volumes.mounted': event<Volume>(),
} as const;

/** Sizes in the decimal units file managers and card labels use; shared by the CLI and the UI so they read the same. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
