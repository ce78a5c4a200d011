import type { SpecialLabel } from './labels.ts';
import type { TaxonomyLevel } from './taxonomy.ts';
import type { EnsembleDetection } from './types.ts';

/** Every bound is strict, as in SpeciesNet: `above` is >, `below` is <. */
export interface RuleCondition {
  /** The best detection's category; with no detection SpeciesNet takes an animal at 0. */
  detection?: EnsembleDetection['category'];
  detectionAbove?: number;
  detectionBelow?: number;
  classIn?: readonly SpecialLabel[];
  classNotIn?: readonly SpecialLabel[];
  classAbove?: number;
}

export interface LabelOutcome {
  kind: 'label';
  label: SpecialLabel;
  score: 'detection' | 'classification';
  source: 'detector' | 'classifier';
}

export type RuleOutcome =
  | LabelOutcome
  /** The best class, or where it is out of range, a rollup of the top five that leaves it out. */
  | { kind: 'geofence' }
  /** The first level whose summed scores pass the bound; the next rule when none does. */
  | { kind: 'rollup'; levels: readonly TaxonomyLevel[]; above: number };

export interface EnsembleRule {
  /** SpeciesNet's name for the threshold, from ensemble_prediction_combiner.py. */
  id: string;
  when: RuleCondition;
  then: RuleOutcome;
}

const notSpecial: readonly SpecialLabel[] = ['blank', 'human', 'vehicle'];

/** SpeciesNet's ensemble rules, tried in this order; the first that applies gives the prediction. */
export const ensembleRules: readonly EnsembleRule[] = [
  { id: '1a', when: { detection: 'person', detectionAbove: 0.7 }, then: { kind: 'label', label: 'human', score: 'detection', source: 'detector' } },
  {
    id: '1b',
    when: { detection: 'person', detectionAbove: 0.2, classIn: ['human', 'vehicle'], classAbove: 0.5 },
    then: { kind: 'label', label: 'human', score: 'classification', source: 'classifier' },
  },
  {
    id: '2a',
    when: { detection: 'vehicle', detectionAbove: 0.2, classIn: ['human'], classAbove: 0.5 },
    then: { kind: 'label', label: 'human', score: 'classification', source: 'classifier' },
  },
  { id: '2b', when: { detection: 'vehicle', detectionAbove: 0.7 }, then: { kind: 'label', label: 'vehicle', score: 'detection', source: 'detector' } },
  {
    id: '2c',
    when: { detection: 'vehicle', detectionAbove: 0.2, classIn: ['vehicle'], classAbove: 0.4 },
    then: { kind: 'label', label: 'vehicle', score: 'classification', source: 'classifier' },
  },
  { id: '3a', when: { detectionBelow: 0.2, classIn: ['blank'], classAbove: 0.5 }, then: { kind: 'label', label: 'blank', score: 'classification', source: 'classifier' } },
  { id: '3b', when: { classIn: ['blank'], classAbove: 0.99 }, then: { kind: 'label', label: 'blank', score: 'classification', source: 'classifier' } },
  { id: '4a', when: { classNotIn: notSpecial, classAbove: 0.8 }, then: { kind: 'geofence' } },
  { id: '4b', when: { classNotIn: notSpecial, classAbove: 0.65, detection: 'animal', detectionAbove: 0.2 }, then: { kind: 'geofence' } },
  { id: '5a', when: {}, then: { kind: 'rollup', levels: ['genus', 'family', 'order', 'class', 'kingdom'], above: 0.65 } },
  { id: '5b', when: { detection: 'animal', detectionAbove: 0.5 }, then: { kind: 'label', label: 'animal', score: 'detection', source: 'detector' } },
];

/** When no rule applies: SpeciesNet's "no cv result" with the best class's score. */
export const ensembleFallback: LabelOutcome = { kind: 'label', label: 'unknown', score: 'classification', source: 'classifier' };

/**
 * A best class out of its range rolls up from family upwards, and the rollup must reach that
 * class's own score (less a hair, so that the class's family alone passes).
 */
export const geofenceRollup = { levels: ['family', 'order', 'class', 'kingdom'], margin: 1e-10 } as const satisfies {
  levels: readonly TaxonomyLevel[];
  margin: number;
};
