import { describe, expect, it } from 'vitest';
import * as sn from './speciesnet-fixtures.ts';
import { combinePredictions } from '../../../../../electron/backend/detect/classify/ensemble/combine.ts';
import type { Geofence } from '../../../../../electron/backend/detect/classify/ensemble/geofence.ts';
import { ensembleRules } from '../../../../../electron/backend/detect/classify/ensemble/rules.ts';
import type { EnsembleDetection, EnsembleInput } from '../../../../../electron/backend/detect/classify/ensemble/types.ts';

type Case = [
  name: string,
  classes: [string, number][],
  detections: [EnsembleDetection['category'], number][],
  expected: [string, number, string],
  place?: [string | null, string | null],
];

const input = (classes: [string, number][], detections: [EnsembleDetection['category'], number][], place: [string | null, string | null] = [null, null]): EnsembleInput => ({
  classifications: { classes: classes.map(([c]) => c), scores: classes.map(([, s]) => s) },
  detections: detections.map(([category, conf]) => ({ category, conf })),
  country: place[0],
  admin1: place[1],
});

function expectCombined([_name, classes, detections, [label, score, source], place]: Case, geofence: Geofence | null = sn.geofence) {
  const prediction = combinePredictions(input(classes, detections, place), { labels: sn.labels, geofence });
  expect(prediction.label).toBe(label);
  expect(prediction.score).toBeCloseTo(score, 9);
  expect(prediction.source).toBe(source);
}

/**
 * ensemble_prediction_combiner_test.py, case by case. Where SpeciesNet's test stands in mocks for
 * the geofence and rollup steps, the real steps run here, with inputs that reach the same rule.
 */
const speciesNetCases: Case[] = [
  // test_combine_predictions_for_single_item_human_detections
  ['high-confidence person detection', [[sn.LION, 0.1]], [['person', 0.8]], [sn.HUMAN, 0.8, 'detector']],
  ['mid-confidence person detection, high-confidence human class', [[sn.HUMAN, 0.7]], [['person', 0.3]], [sn.HUMAN, 0.7, 'classifier']],
  ['mid-confidence person detection, high-confidence vehicle class', [[sn.VEHICLE, 0.7]], [['person', 0.3]], [sn.HUMAN, 0.7, 'classifier']],
  // test_combine_predictions_for_single_item_vehicle_detections
  ['mid-confidence vehicle detection, high-confidence human class', [[sn.HUMAN, 0.7]], [['vehicle', 0.3]], [sn.HUMAN, 0.7, 'classifier']],
  ['high-confidence vehicle detection', [[sn.LION, 0.1]], [['vehicle', 0.8]], [sn.VEHICLE, 0.8, 'detector']],
  ['mid-confidence vehicle detection, high-confidence vehicle class', [[sn.VEHICLE, 0.5]], [['vehicle', 0.3]], [sn.VEHICLE, 0.5, 'classifier']],
  // test_combine_predictions_for_single_item_blank_classifications
  ['low detection, high-confidence blank', [[sn.BLANK, 0.7]], [['animal', 0.1]], [sn.BLANK, 0.7, 'classifier']],
  ['extra-high-confidence blank', [[sn.BLANK, 0.995]], [['animal', 0.3]], [sn.BLANK, 0.995, 'classifier']],
  // test_combine_predictions_for_single_item_animal_classifications (mock geofence: geofencing with no country keeps the class)
  ['extra-high-confidence animal class', [[sn.LION, 0.9]], [['animal', 0.1]], [sn.LION, 0.9, 'classifier']],
  ['high-confidence animal class, mid-confidence animal detection', [[sn.LION, 0.7]], [['animal', 0.3]], [sn.LION, 0.7, 'classifier']],
  // test_combine_predictions_for_single_item_animal_rollups (mock rollup: a lion and its genus add up)
  ['high-confidence animal rollup', [[sn.LION, 0.6], [sn.PANTHERA_GENUS, 0.1]], [['animal', 0.1]], [sn.PANTHERA_GENUS, 0.7, 'classifier+rollup_to_genus']],
  // test_combine_predictions_for_single_item_animal_detections (mock rollup finds nothing)
  ['mid-confidence animal detection', [[sn.LION, 0.1]], [['animal', 0.6]], [sn.ANIMAL_KINGDOM, 0.6, 'detector']],
  // test_combine_predictions_for_single_item_unknown
  ['nothing sure: no cv result', [[sn.LION, 0.1]], [['animal', 0.1]], [sn.UNKNOWN, 0.1, 'classifier']],
];

const moreCases: Case[] = [
  ['no detection counts as an animal at 0', [[sn.BLANK, 0.6]], [], [sn.BLANK, 0.6, 'classifier']],
  ['the most confident detection counts, not the first', [[sn.LION, 0.1]], [['animal', 0.3], ['person', 0.9]], [sn.HUMAN, 0.9, 'detector']],
  ['a blank over 0.5 with a detection of 0.2 or more is not blank', [[sn.BLANK, 0.9]], [['animal', 0.2]], [sn.UNKNOWN, 0.9, 'classifier']],
  ['an animal class of 0.7 without an animal detection rolls up instead', [[sn.LION, 0.7]], [['vehicle', 0.5]], [sn.PANTHERA_GENUS, 0.7, 'classifier+rollup_to_genus']],
  ['a rollup goes as far as kingdom', [[sn.LION, 0.4], [sn.BROWN_BEAR, 0.2], [sn.HUMAN, 0.1]], [], [sn.MAMMALIA_CLASS, 0.7, 'classifier+rollup_to_class']],
  ['a lion out of its range rolls up to cats', [[sn.LION, 0.9]], [['animal', 0.1]], [sn.FELIDAE_FAMILY, 0.9, 'classifier+geofence+rollup_to_family'], ['USA', null]],
  ['a lion in its range stays a lion', [[sn.LION, 0.9]], [['animal', 0.1]], [sn.LION, 0.9, 'classifier'], ['KEN', null]],
  ['cats blocked in New York roll up to carnivores', [[sn.LION, 0.7]], [['animal', 0.3]], [sn.CARNIVORA_ORDER, 0.7, 'classifier+geofence+rollup_to_order'], ['USA', 'NY']],
  ['panthera allowed in California', [[sn.PANTHERA_GENUS, 0.85]], [], [sn.PANTHERA_GENUS, 0.85, 'classifier'], ['USA', 'CA']],
  ['panthera not allowed in New York', [[sn.PANTHERA_GENUS, 0.85]], [], [sn.CARNIVORA_ORDER, 0.85, 'classifier+geofence+rollup_to_order'], ['USA', 'NY']],
  ['a rollup leaves out a family blocked in the country', [[sn.BROWN_BEAR, 0.4], [sn.GIANT_PANDA, 0.3]], [], [sn.CARNIVORA_ORDER, 0.7, 'classifier+rollup_to_order'], ['GBR', null]],
  ['the same rollup elsewhere stops at the family', [[sn.BROWN_BEAR, 0.4], [sn.GIANT_PANDA, 0.3]], [], [sn.URSIDAE_FAMILY, 0.7, 'classifier+rollup_to_family'], ['FRA', null]],
  ['no classes at all', [], [['animal', 0.4]], [sn.UNKNOWN, 0, 'classifier']],
];

describe("combining predictions by SpeciesNet's rules", () => {
  it.each(speciesNetCases)("SpeciesNet's case: %s", (...c) => expectCombined(c));
  it.each(moreCases)('%s', (...c) => expectCombined(c));

  it('does not geofence without geofence rules', () => {
    expectCombined(['', [[sn.LION, 0.9]], [], [sn.LION, 0.9, 'classifier'], ['USA', 'NY']], null);
  });

  it("keeps SpeciesNet's rules in its order", () => {
    expect(ensembleRules.map((r) => r.id)).toEqual(['1a', '1b', '2a', '2b', '2c', '3a', '3b', '4a', '4b', '5a', '5b']);
  });
});
