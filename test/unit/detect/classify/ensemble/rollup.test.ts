import { describe, expect, it } from 'vitest';
import * as sn from './speciesnet-fixtures.ts';
import { geofenceClassification, rollUp, type RollupContext } from '../../../../../electron/backend/detect/classify/ensemble/rollup.ts';
import type { TaxonomyLevel } from '../../../../../electron/backend/detect/classify/ensemble/taxonomy.ts';

const context = (country: string | null, admin1: string | null = null): RollupContext => ({
  taxonomy: sn.taxonomy,
  geofence: sn.geofence,
  region: { country, admin1 },
});

type Expected = [string, number, string] | null;

// geofence_utils_test.py, test_roll_up_labels_to_first_matching_level.
const predictions = [sn.BROWN_BEAR, sn.POLAR_BEAR, sn.GIANT_PANDA, sn.BLANK, sn.LION, sn.HUMAN, sn.ANIMAL_KINGDOM];
const all: TaxonomyLevel[] = ['genus', 'family', 'order', 'class', 'kingdom'];
const upToClass: TaxonomyLevel[] = ['species', 'genus', 'family', 'order', 'class'];
const rollups: [string, TaxonomyLevel[], number, string | null, number[], Expected][] = [
  ['species, split', ['species'], 0.9, null, [0.8, 0.2, 0, 0, 0, 0, 0], null],
  ['species, just short', ['species'], 0.9, null, [0.9, 0.1, 0, 0, 0, 0, 0], null],
  ['species', ['species'], 0.9, null, [1, 0, 0, 0, 0, 0, 0], [sn.BROWN_BEAR, 1, 'classifier+rollup_to_species']],
  ['genus, short', ['genus'], 0.9, null, [0.6, 0.2, 0.01, 0.01, 0.01, 0.01, 0.01], null],
  ['genus', ['genus'], 0.9, null, [0.7, 0.25, 0.01, 0.01, 0.01, 0.01, 0.01], [sn.URSUS_GENUS, 0.95, 'classifier+rollup_to_genus']],
  ['family, short', ['family'], 0.8, null, [0.4, 0.1, 0.1, 0.1, 0.1, 0, 0], null],
  ['family', ['family'], 0.8, null, [0.4, 0.21, 0.2, 0, 0, 0, 0], [sn.URSIDAE_FAMILY, 0.81, 'classifier+rollup_to_family']],
  ['order, short', ['order'], 0.8, null, [0.3, 0.2, 0.1, 0.1, 0.1, 0, 0], null],
  ['order', ['order'], 0.8, null, [0.3, 0.2, 0.1, 0.1, 0.23, 0, 0], [sn.CARNIVORA_ORDER, 0.83, 'classifier+rollup_to_order']],
  ['class, short', ['class'], 0.8, null, [0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0], null],
  ['class', ['class'], 0.8, null, [0.2, 0.2, 0.1, 0.1, 0.22, 0.1, 0], [sn.MAMMALIA_CLASS, 0.82, 'classifier+rollup_to_class']],
  ['kingdom, short', ['kingdom'], 0.81, null, [0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1], null],
  ['kingdom', ['kingdom'], 0.81, null, [0.2, 0.2, 0.1, 0.1, 0.23, 0.1, 0.1], [sn.ANIMAL_KINGDOM, 0.93, 'classifier+rollup_to_kingdom']],
  ['several levels, the first that passes', all, 0.75, null, [0.6, 0.1, 0.1, 0.1, 0.1, 0, 0], [sn.URSIDAE_FAMILY, 0.8, 'classifier+rollup_to_family']],
  ['several sums pass, the largest wins', ['species'], 0.1, null, [0.2, 0.3, 0.15, 0, 0.35, 0, 0], [sn.LION, 0.35, 'classifier+rollup_to_species']],
  ['blank dominates', upToClass, 0.4, null, [0.1, 0.2, 0.2, 0.45, 0, 0, 0], [sn.URSIDAE_FAMILY, 0.5, 'classifier+rollup_to_family']],
  ['bears blocked in GBR skip to order', upToClass, 0.4, 'GBR', [0.1, 0.2, 0.2, 0.45, 0, 0, 0], [sn.CARNIVORA_ORDER, 0.5, 'classifier+rollup_to_order']],
];

// test_geofence_animal_classification.
const fenced = [sn.LION, sn.POLAR_BEAR, sn.BLANK, sn.FELIDAE_FAMILY];
const geofencings: [string, string | null, string | null, Expected][] = [
  ['a lion in Tanzania stays a lion', 'TZA', null, [sn.LION, 0.4, 'classifier']],
  ['a lion in the USA rolls up to cats', 'USA', null, [sn.FELIDAE_FAMILY, 0.5, 'classifier+geofence+rollup_to_family']],
  ['a lion in New York, where cats are blocked, rolls up to carnivores', 'USA', 'NY', [sn.CARNIVORA_ORDER, 0.8, 'classifier+geofence+rollup_to_order']],
];

function expectPrediction(actual: { label: string; score: number; source: string } | null, expected: Expected) {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(actual?.label).toBe(expected[0]);
  expect(actual?.score).toBeCloseTo(expected[1], 9);
  expect(actual?.source).toBe(expected[2]);
}

describe('rolling up to the first level that passes', () => {
  it.each(rollups)('%s', (_name, levels, above, country, scores, expected) => {
    expectPrediction(rollUp({ classes: predictions, scores }, levels, above, context(country)), expected);
  });

  it('rolls up nothing from no classes', () => {
    expect(rollUp({ classes: [], scores: [] }, all, 0, context(null))).toBeNull();
  });
});

describe('geofencing the best class', () => {
  it.each(geofencings)('%s', (_name, country, admin1, expected) => {
    expectPrediction(geofenceClassification({ classes: fenced, scores: [0.4, 0.3, 0.2, 0.1] }, context(country, admin1)), expected);
  });

  it('reports a failed rollup when every group above is fenced too', () => {
    const context: RollupContext = {
      taxonomy: sn.taxonomy,
      geofence: { ...sn.geofence, ';;;;': { block: { GBR: [] } }, 'mammalia;carnivora;;;': { block: { GBR: [] } }, 'mammalia;;;;': { block: { GBR: [] } } },
      region: { country: 'GBR', admin1: null },
    };
    expectPrediction(geofenceClassification({ classes: [sn.LION], scores: [0.9] }, context), [sn.UNKNOWN, 0.9, 'classifier+geofence+rollup_failed']);
  });
});
