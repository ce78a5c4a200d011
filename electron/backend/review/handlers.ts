import { acceptPredictions } from './accept-predictions.ts';
import type { reviewMethods } from './contract.ts';
import { mediaPredictions, predictedSpecies } from './machine-predictions.ts';
import { applyReview, mediaObservations } from './review-actions.ts';
import { redoNext, reviewHistory, undoLast } from './review-history.ts';
import { listSpecies } from './species-search.ts';
import { addSpecies, ensureSpecies, importSpeciesCsv, removeSpecies, updateSpecies } from './species.ts';
import type { LibraryAccess } from '../library/library-session.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface ReviewContext {
  library: LibraryAccess;
}

export const reviewHandlers: DomainHandlers<typeof reviewMethods, ReviewContext> = {
  'species.list': ({ query, limit, language, scope }, { library }) => listSpecies(library.require().db, { query, limit, language, scope }),
  'species.ensure': ({ scientificName, language }, { library }) => ensureSpecies(library.require().db, scientificName, language),
  'species.add': ({ scientificName, vernacularName }, { library }) => addSpecies(library.require().db, { scientificName, vernacularName: vernacularName ?? null }),
  'species.update': ({ scientificName, vernacularName }, { library }) => updateSpecies(library.require().db, scientificName, vernacularName),
  'species.remove': ({ scientificName }, { library }) => removeSpecies(library.require().db, scientificName),
  'species.importCsv': ({ file }, { library }) => importSpeciesCsv(library.require().db, file),
  'review.label': ({ target, observationType, scientificName, count, classifiedBy }, { library }) =>
    applyReview(library.require().db, 'label', scientificName ? `Labelled ${scientificName}` : `Labelled ${observationType}`, target, {
      observationType,
      scientificName: scientificName ?? null,
      count: count ?? null,
      falseDetection: false,
      classifiedBy: classifiedBy ?? null,
    }),
  'review.markFalse': ({ detectionIds, classifiedBy }, { library }) =>
    applyReview(library.require().db, 'false-detection', `Marked ${detectionIds.length} box(es) as false detections`, { detectionIds }, {
      observationType: 'blank',
      scientificName: null,
      count: null,
      falseDetection: true,
      classifiedBy: classifiedBy ?? null,
    }),
  'review.markEmpty': ({ target, classifiedBy }, { library }) =>
    applyReview(library.require().db, 'empty', 'Marked as empty', target, { observationType: 'blank', scientificName: null, count: null, falseDetection: false, classifiedBy: classifiedBy ?? null }),
  'review.undo': (_input, { library }) => undoLast(library.require().db),
  'review.redo': (_input, { library }) => redoNext(library.require().db),
  'review.history': (_input, { library }) => reviewHistory(library.require().db),
  'review.observations': ({ mediaID }, { library }) => mediaObservations(library.require().db, mediaID),
  'review.predictions': ({ mediaID }, { library }) => mediaPredictions(library.require().db, mediaID),
  'review.predictedSpecies': (_input, { library }) => predictedSpecies(library.require().db),
  'review.accept': ({ target, classifiedBy, language }, { library }) => acceptPredictions(library.require().db, target, { classifiedBy, language }),
};
