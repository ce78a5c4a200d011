import type { ModelInfo } from '../contract.ts';
import type { ModelPackage } from '../find-models.ts';

/** A package as the renderer and the CLI see it. */
export function modelInfo(m: ModelPackage): ModelInfo {
  return {
    id: m.id,
    name: m.manifest?.name ?? m.id,
    version: m.manifest?.version ?? '',
    licence: m.manifest?.licence ?? '',
    defaultThreshold: m.manifest?.defaultThreshold ?? 0,
    available: m.modelFile !== null && m.manifest !== null,
    problem: m.problem,
    development: m.manifest?.purpose === 'development',
  };
}
