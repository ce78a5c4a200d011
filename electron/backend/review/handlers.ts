import type { DomainHandlers } from '../rpc/handler-types.ts';
import type { reviewMethods } from './contract.ts';
import { applyReview, mediaObservations, undoLast } from './review-actions.ts';
import { addSpecies, importSpeciesCsv, listSpecies, removeSpecies, updateSpecies } from './species.ts';

export const reviewHandlers: DomainHandlers<typeof reviewMethods> = {
  'species.list': ({ query, limit }, station) => listSpecies(station.requireLibrary().db, query, limit),
  'species.add': ({ scientificName, vernacularName }, station) => addSpecies(station.requireLibrary().db, { scientificName, vernacularName: vernacularName ?? null }),
  'species.update': ({ scientificName, vernacularName }, station) => updateSpecies(station.requireLibrary().db, scientificName, vernacularName),
  'species.remove': ({ scientificName }, station) => removeSpecies(station.requireLibrary().db, scientificName),
  'species.importCsv': ({ file }, station) => importSpeciesCsv(station.requireLibrary().db, file),
  'review.label': ({ target, observationType, scientificName, count, classifiedBy }, station) =>
    applyReview(station.requireLibrary().db, 'label', scientificName ? `Labelled ${scientificName}` : `Labelled ${observationType}`, target, {
      observationType,
      scientificName: scientificName ?? null,
      count: count ?? null,
      falseDetection: false,
      classifiedBy: classifiedBy ?? null,
    }),
  'review.markFalse': ({ detectionIds, classifiedBy }, station) =>
    applyReview(station.requireLibrary().db, 'false-detection', `Marked ${detectionIds.length} box(es) as false detections`, { detectionIds }, {
      observationType: 'blank',
      scientificName: null,
      count: null,
      falseDetection: true,
      classifiedBy: classifiedBy ?? null,
    }),
  'review.markEmpty': ({ target, classifiedBy }, station) =>
    applyReview(station.requireLibrary().db, 'empty', 'Marked as empty', target, { observationType: 'blank', scientificName: null, count: null, falseDetection: false, classifiedBy: classifiedBy ?? null }),
  'review.undo': (_input, station) => undoLast(station.requireLibrary().db),
  'review.observations': ({ mediaID }, station) => mediaObservations(station.requireLibrary().db, mediaID),
};
