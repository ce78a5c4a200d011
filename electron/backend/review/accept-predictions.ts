import { bundledChecklist, type Checklist } from './checklist.ts';
import type { ReviewAction, ReviewTarget } from './contract.ts';
import { openPredictions, type PendingPrediction } from './machine-predictions.ts';
import { recordReview, resolveTarget, type NewObservation, type Target } from './review-actions.ts';
import { addSpecies, ensureSpecies } from './species.ts';
import type { Db } from '../library/db.ts';
import { StationError } from '../rpc/envelope.ts';

/** A label refers to the species list: a predicted species goes on it, with the checklist's common name where it has one, else the model's. */
function listSpecies(db: Db, p: PendingPrediction, language: string, checklist: Checklist): void {
  if (!p.scientificName || db.prepare('SELECT 1 FROM species WHERE scientific_name = ?').get(p.scientificName)) return;
  if (checklist.get(p.scientificName)) ensureSpecies(db, p.scientificName, language, checklist);
  else addSpecies(db, { scientificName: p.scientificName, vernacularName: p.modelVernacular });
}

/** Who said it, kept with the observation: the person, and that the species came from the model. */
function classifiedBy(person: string | undefined, p: PendingPrediction): string {
  const source = `accepted from model ${p.classifier}`;
  return person ? `${person} (${source})` : source;
}

function observation(t: Target, p: PendingPrediction, person: string | undefined): Target & NewObservation {
  return {
    mediaPk: t.mediaPk,
    detectionId: p.detectionId,
    observationType: p.observationType,
    scientificName: p.scientificName,
    // One box holds one animal; for the whole picture the model gives no count.
    count: p.detectionId !== null && p.observationType !== 'blank' ? 1 : null,
    falseDetection: false,
    classifiedBy: classifiedBy(person, p),
  };
}

/**
 * Accepts what the species model predicted for the target's pictures (or boxes) that no person
 * has labelled, as one review action: the same observations a typed label makes, so undo and
 * redo take them back and bring them again together. Labels people made stay as they are.
 */
export function acceptPredictions(db: Db, target: ReviewTarget, options: { classifiedBy?: string | undefined; language: string }, checklist: Checklist = bundledChecklist()): ReviewAction {
  return db.transaction(() => {
    const rows: (Target & NewObservation)[] = [];
    for (const t of resolveTarget(db, target)) {
      for (const p of openPredictions(db, t.mediaPk)) {
        if (t.detectionId !== null && p.detectionId !== t.detectionId) continue;
        listSpecies(db, p, options.language, checklist);
        rows.push(observation(t, p, options.classifiedBy));
      }
    }
    if (rows.length === 0) throw new StationError('not-found', 'nothing-to-accept');
    const media = new Set(rows.map((r) => r.mediaPk)).size;
    const kind = rows.every((r) => r.observationType === 'blank') ? 'empty' : 'label';
    return recordReview(db, kind, `Accepted the species model's answer on ${media} picture(s)`, rows);
  })();
}
