import { z } from 'zod';
import { method } from '../../../rpc/define.ts';
import type { Says } from '../../../rpc/messages.ts';
import { chosenPath } from '../../../rpc/paths.ts';

/** What one package import added to the library, table by table. */
export interface PackageImportCounts {
  /** New locations; a location already in the library with the same ID, name and place is used as it is. */
  locations: number;
  deployments: number;
  /** Media whose files were copied into the library and verified. */
  media: number;
  /** Media rows kept as references: a URL, or a file that was not there. */
  remoteMedia: number;
  /** People's labels on copied media (the library's observations). */
  observations: number;
  /** One imported detection run per model named in classifiedBy. */
  detectionRuns: number;
  /** Machine boxes on copied media. */
  detections: number;
  /** Names added to the library's species list. */
  species: number;
  /** Event-level observations, kept as the package gave them. */
  eventObservations: number;
  /** Every observation row of the package is kept as given; these have no other place in the library (events, rows on remote media). */
  keptObservations: number;
}

export type PackageImportOutcome = 'imported' | 'refused' | 'cancelled';

export interface PackageImportReport {
  outcome: PackageImportOutcome;
  /** The folder or .zip the user chose. */
  source: string;
  packageName: string | null;
  packageTitle: string | null;
  /** The Camtrap DP version the package says it follows (1.0, 1.0.1 or 1.0.2). */
  profileVersion: string | null;
  /** Set once imported. */
  packageImportId: number | null;
  /** Rows in the package's tables. */
  rows: { deployments: number; media: number; observations: number };
  added: PackageImportCounts;
  files: { copied: number; bytes: number; remote: number; missing: number };
  /** The first files that were in neither the package nor the media folder. */
  missingFiles: string[];
  /** Why the package was refused: nothing was imported. Each names the file, row and column where it can. */
  problems: Says[];
  /** What was imported, but a person should know (a cut-off picture, times converted). */
  warnings: Says[];
  /**
   * The library's independent events of the imported deployments are recomputed from the
   * imported labels and boxes with the library's interval; the package's event-level rows are kept as given.
   */
  events: 'recomputed';
}

export const emptyCounts = (): PackageImportCounts => ({
  locations: 0,
  deployments: 0,
  media: 0,
  remoteMedia: 0,
  observations: 0,
  detectionRuns: 0,
  detections: 0,
  species: 0,
  eventObservations: 0,
  keptObservations: 0,
});

export const importPackageInput = z.object({
  /** A package folder (with datapackage.json) or a .zip of one. */
  source: chosenPath('choose-camtrap-package'),
  /** Where media files are that the package names but does not hold (downloaded from a URL, or kept apart). */
  mediaFolder: chosenPath('choose-folder').optional(),
  /** Keep rows whose file is missing as references instead of refusing the package. */
  allowMissing: z.boolean().default(false),
});
export type ImportPackageInput = z.infer<typeof importPackageInput>;

export const packageImportMethods = {
  /** Runs as a task (kind package-import) with progress and cancel; resolves with the report when it ends. */
  'exchange.importCamtrapDp': method<PackageImportReport>()(importPackageInput),
} as const;
