import type { Geofence } from './geofence.ts';
import { specialLabels } from './labels.ts';
import { geofenceClassification, rollUp, type RollupContext } from './rollup.ts';
import { ensembleFallback, ensembleRules, type LabelOutcome, type RuleCondition } from './rules.ts';
import { taxonomyOf, type Taxonomy } from './taxonomy.ts';
import type { EnsembleDetection, EnsembleInput, EnsemblePrediction } from './types.ts';

export interface EnsembleContext {
  /** The classifier's full label list, from which rollups find genus, family, order, class. */
  labels: readonly string[];
  /** SpeciesNet's geofence rules; null: no geofencing. */
  geofence: Geofence | null;
}

interface Top {
  detection: EnsembleDetection['category'];
  detectionScore: number;
  label: string;
  classScore: number;
}

// A label list is thousands of lines and the same for every picture of a run.
const taxonomies = new WeakMap<readonly string[], Taxonomy>();

function taxonomyFor(labels: readonly string[]): Taxonomy {
  let taxonomy = taxonomies.get(labels);
  if (!taxonomy) {
    taxonomy = taxonomyOf(labels);
    taxonomies.set(labels, taxonomy);
  }
  return taxonomy;
}

/** The first detection of the highest confidence, as SpeciesNet's sorted list puts first. */
function bestDetection(detections: readonly EnsembleDetection[]): EnsembleDetection | undefined {
  return detections.reduce<EnsembleDetection | undefined>((best, d) => (!best || d.conf > best.conf ? d : best), undefined);
}

function applies(when: RuleCondition, top: Top): boolean {
  const is = (names: RuleCondition['classIn']) => (names ?? []).some((name) => specialLabels[name] === top.label);
  return (
    (when.detection === undefined || when.detection === top.detection) &&
    (when.detectionAbove === undefined || top.detectionScore > when.detectionAbove) &&
    (when.detectionBelow === undefined || top.detectionScore < when.detectionBelow) &&
    (when.classIn === undefined || is(when.classIn)) &&
    (when.classNotIn === undefined || !is(when.classNotIn)) &&
    (when.classAbove === undefined || top.classScore > when.classAbove)
  );
}

function labelled(outcome: LabelOutcome, top: Top): EnsemblePrediction {
  return { label: specialLabels[outcome.label], score: outcome.score === 'detection' ? top.detectionScore : top.classScore, source: outcome.source };
}

/**
 * One prediction for a picture from the classifier's top five and the detector's boxes, by
 * SpeciesNet's published rules (speciesnet/ensemble_prediction_combiner.py): people and vehicles
 * the detector is sure of, blanks, species the classifier is sure of where they live, else the
 * closest group it is sure of, else "animal" from the detector, else "no cv result".
 */
export function combinePredictions(input: EnsembleInput, context: EnsembleContext): EnsemblePrediction {
  const { classifications } = input;
  const detection = bestDetection(input.detections);
  const top: Top = {
    detection: detection?.category ?? 'animal',
    detectionScore: detection?.conf ?? 0,
    label: classifications.classes[0] ?? '',
    classScore: classifications.scores[0] ?? 0,
  };
  const rollupContext: RollupContext = {
    taxonomy: taxonomyFor(context.labels),
    geofence: context.geofence,
    region: { country: input.country, admin1: input.admin1 },
  };
  for (const rule of ensembleRules) {
    if (!applies(rule.when, top)) continue;
    const then = rule.then;
    switch (then.kind) {
      case 'label':
        return labelled(then, top);
      case 'geofence':
        return geofenceClassification(classifications, rollupContext);
      case 'rollup': {
        const rollup = rollUp(classifications, then.levels, then.above, rollupContext);
        if (rollup) return rollup;
        break;
      }
    }
  }
  return labelled(ensembleFallback, top);
}
