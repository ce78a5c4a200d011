import { StationError } from '../../rpc/envelope.ts';
import type { ModelPackage, UsableModel } from '../find-models.ts';

/** The model a job asks for, or the first installed one; a plain-words error when it cannot run. */
export function chooseModel(all: ModelPackage[], modelID: string | undefined): UsableModel {
  const chosen = modelID ? all.find((m) => m.id === modelID) : (all.find((m) => m.modelFile) ?? all[0]);
  if (!chosen) throw modelID ? new StationError('not-found', 'model-not-found', { model: modelID }) : new StationError('not-found', 'no-model-installed');
  if (!chosen.manifest || !chosen.modelFile) throw new StationError('not-found', 'model-unusable', { model: chosen.id });
  return { ...chosen, manifest: chosen.manifest, modelFile: chosen.modelFile };
}

/**
 * The detector a job's worker loads. A run that only classifies boxes found before (by a model
 * from a results file, say, not installed here) needs none: its worker then gets the first
 * installed detector, which it never runs.
 */
export function detectorFor(all: ModelPackage[], modelID: string, items: readonly { boxes?: unknown }[]): UsableModel {
  try {
    return chooseModel(all, modelID);
  } catch (err) {
    if (items.length === 0 || !items.every((i) => i.boxes)) throw err;
    return chooseModel(all, undefined);
  }
}
