import { StationError } from '../../rpc/envelope.ts';
import type { ModelPackage, UsableModel } from '../find-models.ts';

/** The model a job asks for, or the first installed one; a plain-words error when it cannot run. */
export function chooseModel(all: ModelPackage[], modelID: string | undefined): UsableModel {
  const chosen = modelID ? all.find((m) => m.id === modelID) : (all.find((m) => m.modelFile) ?? all[0]);
  if (!chosen) throw modelID ? new StationError('not-found', 'model-not-found', { model: modelID }) : new StationError('not-found', 'no-model-installed');
  if (!chosen.manifest || !chosen.modelFile) throw new StationError('not-found', 'model-unusable', { model: chosen.id });
  return { ...chosen, manifest: chosen.manifest, modelFile: chosen.modelFile };
}
