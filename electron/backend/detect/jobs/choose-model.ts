import { StationError } from '../../rpc/envelope.ts';
import type { ModelPackage, UsableModel } from '../find-models.ts';

/** The model a job asks for, or the first installed one; a plain-words error when it cannot run. */
export function chooseModel(all: ModelPackage[], modelID: string | undefined): UsableModel {
  const chosen = modelID ? all.find((m) => m.id === modelID) : (all.find((m) => m.modelFile) ?? all[0]);
  if (!chosen) throw new StationError('not-found', modelID ? `There is no model ${modelID}.` : 'No detection model is installed: run npm run fetch:models or copy a model package into the models folder.');
  if (!chosen.manifest || !chosen.modelFile) throw new StationError('not-found', chosen.problem ?? `The model ${chosen.id} cannot be used.`);
  return { ...chosen, manifest: chosen.manifest, modelFile: chosen.modelFile };
}
