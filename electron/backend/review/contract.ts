import { z } from 'zod';
import { method } from '../rpc/define.ts';
import { chosenPath } from '../rpc/paths.ts';

export interface Species {
  scientificName: string;
  vernacularName: string | null;
}

export const taxonRanks = ['class', 'order', 'family', 'genus', 'species', 'subspecies'] as const;
export type TaxonRank = (typeof taxonRanks)[number];

/** A row of species.list: the library's own list first, then the bundled checklist. */
export interface SpeciesEntry extends Species {
  /** 'library': on this library's list (added, imported or used for a label); 'checklist': only in the checklist that ships with the app. */
  origin: 'library' | 'checklist';
  /** The rank the checklist gives the name; null for a name the checklist does not have. */
  taxonRank: TaxonRank | null;
  inChecklist: boolean;
}

export interface ReviewAction {
  actionId: number;
  kind: 'label' | 'false-detection' | 'empty';
  summary: string;
  createdAt: string;
  /** How many media the action touched. */
  media: number;
  /** The species it labelled, if any: the renderer says what was done in the user's language. */
  scientificName: string | null;
}

/** What undo and redo would take back or do again now, so their buttons always tell the truth. */
export interface ReviewHistory {
  undo: ReviewAction | null;
  redo: ReviewAction | null;
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

/** What a species model predicted that no person has labelled yet: for a box, or the whole picture (detectionId null). */
export interface OpenPrediction {
  detectionId: number | null;
  /** The common name (the library's own first), else the scientific name; null for empty, people and vehicles. */
  name: string | null;
  scientificName: string | null;
  observationType: 'animal' | 'human' | 'vehicle' | 'blank';
  /** The model's probability, 0..1. */
  conf: number;
}

/** The predictions of the latest run with any for a picture; a person's labels hide those they cover. */
export interface MediaPredictions {
  runId: number;
  classifier: string;
  open: OpenPrediction[];
}

/** A species some run predicted, for the grid's filter. */
export interface PredictedSpecies {
  scientificName: string;
  name: string | null;
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
  /** An empty query lists the library's own species; a query also searches the checklist, unless scope is 'library'. */
  'species.list': method<SpeciesEntry[]>()(
    z.object({
      query: z.string().trim().max(100).default(''),
      limit: z.number().int().min(1).max(500).default(50),
      language: z.string().max(20).default('en'),
      scope: z.enum(['all', 'library']).default('all'),
    }),
  ),
  /** Puts a checklist species on the library's list (common name in the given language) unless it is there already. */
  'species.ensure': method<Species>()(z.object({ scientificName: z.string().trim().min(2).max(200), language: z.string().max(20).default('en') })),
  'species.add': method<Species>()(z.object({ scientificName: z.string().trim().min(2).max(200), vernacularName: z.string().trim().max(200).optional() })),
  'species.update': method<Species>()(z.object({ scientificName: z.string().min(2), vernacularName: z.string().trim().max(200).nullable() })),
  'species.remove': method<null>()(z.object({ scientificName: z.string().min(2) })),
  'species.importCsv': method<{ added: number; updated: number; skipped: number }>()(z.object({ file: chosenPath('choose-species-csv') })),
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
  'review.redo': method<ReviewAction | null>()(z.object({})),
  'review.history': method<ReviewHistory>()(z.object({})),
  'review.observations': method<Observation[]>()(z.object({ mediaID })),
  'review.predictions': method<MediaPredictions | null>()(z.object({ mediaID })),
  'review.predictedSpecies': method<PredictedSpecies[]>()(z.object({})),
  /** The species model's predictions become a person's observations, as if typed: one action, undone as one. */
  'review.accept': method<ReviewAction>()(
    z.object({ target: targetSchema, classifiedBy: z.string().trim().max(200).optional(), language: z.string().max(20).default('en') }),
  ),
} as const;
