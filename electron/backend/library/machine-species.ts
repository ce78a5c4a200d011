import type { Db } from './db.ts';
import { getNumberSetting, setSetting } from './settings.ts';

/** Whether the map and analyses count the machine's species where no person has labelled, and from what probability. */
export interface MachineSpecies {
  include: boolean;
  /** 0–1: a prediction below it does not count. */
  threshold: number;
}

export function machineSpecies(db: Db): MachineSpecies {
  return { include: getNumberSetting(db, 'machineSpecies') === 1, threshold: getNumberSetting(db, 'machineSpeciesThreshold') };
}

export function saveMachineSpecies(db: Db, choice: MachineSpecies): void {
  setSetting(db, 'machineSpecies', choice.include ? 1 : 0);
  setSetting(db, 'machineSpeciesThreshold', choice.threshold);
}

/**
 * The machine's final answers (kind 'prediction') a person has not overruled, for a classification
 * `c`: of the latest run that predicted anything for the picture, naming a taxon, on the whole
 * picture or on a box its detector kept (at or above the run's threshold). A person's word on the
 * whole picture (a species, empty, anything) overrules every prediction in it; a label or a false
 * mark on a box overrules that box's; any person's word in a picture overrules a prediction for the
 * whole picture. Every lookup is by picture or by key (classifications_result, observations_media);
 * the unary plus keeps the planner off classifications_species, which would walk every prediction.
 */
export const openPrediction = `
  c.kind = 'prediction' AND +c.scientific_name IS NOT NULL
  AND c.run_id = (SELECT MAX(l.run_id) FROM classifications l WHERE l.media_pk = c.media_pk AND l.kind = 'prediction')
  AND (c.detection_id IS NULL OR EXISTS (
    SELECT 1 FROM detections k JOIN detection_runs kr ON kr.run_id = k.run_id WHERE k.detection_id = c.detection_id AND k.conf >= kr.default_threshold))
  AND NOT EXISTS (
    SELECT 1 FROM observations p WHERE p.media_pk = c.media_pk AND p.superseded_by IS NULL
      AND (p.detection_id IS NULL OR c.detection_id IS NULL OR p.detection_id = c.detection_id))`;

/** Those of them at or above the probability chosen (the @machineThreshold parameter): what the map counts. */
export const countedPrediction = `${openPrediction} AND c.conf >= @machineThreshold`;

/** Who made the predictions of run `r`, for Camtrap DP's classifiedBy: the classifier's name and version, else the run's model. */
export const classifierName = `trim(COALESCE(r.classifier, r.model_name) || ' ' || COALESCE(r.classifier_version, ''))`;
