import { z } from 'zod';
import type { PackageProblem } from './validate/problems.ts';
import { method } from '../../rpc/define.ts';
import { chosenPath } from '../../rpc/paths.ts';
import { saying } from '../../rpc/saying.ts';

const day = z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), saying('day-not-valid'));

/**
 * Where the media of a package are: copied into it, as thumbnails only, or left where they are
 * and named by a base the user gives (a URL, or a path relative to where the package will lie).
 */
export const mediaOptions = ['copy', 'thumbnails', 'none'] as const;

/** A base for filePath: Camtrap DP allows a URL or a path relative to the package, never /, . or ~ first, never .. or \. */
export function isMediaBase(base: string): boolean {
  return base.length > 0 && !/^[/.~]/.test(base) && !base.includes('\\') && !base.split('/').includes('..') && !/^[A-Za-z]:/.test(base);
}

export const exportSchema = z
  .object({
    folder: chosenPath('choose-export-folder'),
    deploymentIDs: z.array(z.string().min(1).max(64)).max(10_000).default([]),
    from: day.optional(),
    to: day.optional(),
    media: z.enum(mediaOptions).default('copy'),
    mediaBase: z.string().trim().max(1000).optional(),
    zip: z.boolean().default(false),
  })
  .refine((o) => o.media !== 'none' || (o.mediaBase !== undefined && isMediaBase(o.mediaBase)), { ...saying('export-media-base-not-valid'), path: ['mediaBase'] })
  .refine((o) => !o.from || !o.to || o.from <= o.to, { ...saying('export-range-reversed'), path: ['to'] });

export type ExportOptions = z.output<typeof exportSchema>;

export interface ExportCounts {
  deployments: number;
  media: number;
  /** Observation rows: media-level and event-level together. */
  observations: number;
  mediaObservations: number;
  eventObservations: number;
  /** Media files or thumbnails copied into the package. */
  files: number;
}

export interface CamtrapExportResult {
  /** written: a valid package lies at folder or zip; invalid: nothing was written and problems says why; cancelled: nothing was written. */
  state: 'written' | 'invalid' | 'cancelled';
  folder: string | null;
  zip: string | null;
  counts: ExportCounts;
  problems: PackageProblem[];
  /** How long the validation took. */
  validationSeconds: number;
}

export const camtrapExportMethods = {
  /** Writes the library (or part of it) as a Camtrap DP 1.0.2 package; only a package that validates is kept. Runs as a task of kind 'export'. */
  'exchange.exportCamtrapDp': method<CamtrapExportResult>()(exportSchema),
} as const;
