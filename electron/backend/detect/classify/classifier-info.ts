import { speciesLabelCount } from './classifier-labels.ts';
import type { ClassifierPackage } from './find-classifiers.ts';
import type { ClassifierInfo } from '../contract.ts';

/** A classifier package as the renderer and the CLI see it. */
export function classifierInfo(c: ClassifierPackage): ClassifierInfo {
  return {
    id: c.id,
    name: c.manifest?.name ?? c.id,
    version: c.manifest?.version ?? '',
    licence: c.manifest?.licence ?? '',
    available: c.modelFile !== null && c.manifest !== null,
    problem: c.problem,
    labels: c.labels.length,
    species: speciesLabelCount(c.labels),
    development: c.manifest?.purpose === 'development',
  };
}
