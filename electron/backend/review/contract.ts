import { z } from 'zod';
import { method } from '../rpc/define.ts';
import { chosenPath } from '../rpc/paths.ts';

export interface Species {
  scientificName: string;
  vernacularName: string | null;
}

export interface ReviewAction {
  actionId: number;
  kind: 'label' | 'false-detection' | 'empty';
  summary: string;
  createdAt: string;
  /** How many media the action touched. */
  media: number;
}

export interface Observation {
  observationId: number;
  mediaID: string;
  detectionId: number | null;
  observationType: 'animal' | 'human' | 'vehicle' | 'blank' | 'unknown';
  scientificName: string | null;
  vernacularName: string | null;
  count: number | null;
  falseDetection: boolean;
  classificationMethod: 'human';
  classifiedBy: string | null;
  createdAt: string;
}

const mediaID = z.string().regex(/^[0-9a-f]{16}$/);

/** What a review action applies to: media picked in the grid, a whole sequence, or boxes. */
export const targetSchema = z.union([
  z.object({ mediaIDs: z.array(mediaID).min(1).max(10_000) }),
  z.object({ deploymentID: z.string().min(1), sequenceNo: z.number().int().min(1) }),
  z.object({ detectionIds: z.array(z.number().int().positive()).min(1).max(10_000) }),
]);
export type ReviewTarget = z.infer<typeof targetSchema>;

export const reviewMethods = {
  'species.list': method<Species[]>()(z.object({ query: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(500).default(50) })),
  'species.add': method<Species>()(z.object({ scientificName: z.string().trim().min(2).max(200), vernacularName: z.string().trim().max(200).optional() })),
  'species.update': method<Species>()(z.object({ scientificName: z.string().min(2), vernacularName: z.string().trim().max(200).nullable() })),
  'species.remove': method<null>()(z.object({ scientificName: z.string().min(2) })),
  'species.importCsv': method<{ added: number; updated: number; skipped: number }>()(z.object({ file: chosenPath('Choose the species list (CSV)') })),
  'review.label': method<ReviewAction>()(
    z.object({
      target: targetSchema,
      observationType: z.enum(['animal', 'human', 'vehicle', 'unknown']).default('animal'),
      scientificName: z.string().trim().min(2).optional(),
      count: z.number().int().min(1).max(10_000).optional(),
      classifiedBy: z.string().trim().max(200).optional(),
    }),
  ),
  'review.markFalse': method<ReviewAction>()(z.object({ detectionIds: z.array(z.number().int().positive()).min(1).max(10_000), classifiedBy: z.string().trim().max(200).optional() })),
  'review.markEmpty': method<ReviewAction>()(z.object({ target: targetSchema, classifiedBy: z.string().trim().max(200).optional() })),
  'review.undo': method<ReviewAction | null>()(z.object({})),
  'review.observations': method<Observation[]>()(z.object({ mediaID })),
} as const;
