import { isGeofenced, type Geofence } from './geofence.ts';
import { specialLabels } from './labels.ts';
import { geofenceRollup } from './rules.ts';
import { ancestorAt, type Taxonomy, type TaxonomyLevel } from './taxonomy.ts';
import type { Classifications, EnsemblePrediction, Region } from './types.ts';

export interface RollupContext {
  taxonomy: Taxonomy;
  /** Null: no geofencing. */
  geofence: Geofence | null;
  region: Region;
}

/**
 * The first level at which the summed scores of the top classes sharing an ancestor pass the
 * bound (geofence_utils.py, roll_up_labels_to_first_matching_level); ancestors out of range are
 * skipped, and on a tie the ancestor met first wins.
 */
export function rollUp(classifications: Classifications, levels: readonly TaxonomyLevel[], above: number, context: RollupContext): EnsemblePrediction | null {
  const { classes, scores } = classifications;
  const count = Math.min(classes.length, scores.length);
  for (const level of levels) {
    const sums = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const ancestor = ancestorAt(classes[i] as string, level, context.taxonomy);
      if (ancestor) sums.set(ancestor, (sums.get(ancestor) ?? 0) + (scores[i] as number));
    }
    let best: string | null = null;
    let bestScore = 0;
    for (const [label, score] of sums) {
      if (score > bestScore && !isGeofenced(label, context.region, context.geofence)) {
        best = label;
        bestScore = score;
      }
    }
    if (best && bestScore > above) return { label: best, score: bestScore, source: `classifier+rollup_to_${level}` };
  }
  return null;
}

/**
 * The best class where it lives; where it does not, the closest group from family upwards that
 * holds as much score (geofence_utils.py, geofence_animal_classification).
 */
export function geofenceClassification(classifications: Classifications, context: RollupContext): EnsemblePrediction {
  const label = classifications.classes[0] ?? '';
  const score = classifications.scores[0] ?? 0;
  if (!isGeofenced(label, context.region, context.geofence)) return { label, score, source: 'classifier' };
  const rollup = rollUp(classifications, geofenceRollup.levels, score - geofenceRollup.margin, context);
  if (rollup) return { ...rollup, source: `classifier+geofence+${rollup.source.slice('classifier+'.length)}` };
  // Only reached if the best class is not an animal at all, e.g. blank.
  return { label: specialLabels.unknown, score, source: 'classifier+geofence+rollup_failed' };
}
