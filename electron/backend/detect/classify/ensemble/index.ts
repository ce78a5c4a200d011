// SpeciesNet's ensemble (google/cameratrapai, Apache-2.0), ported: how the detector's boxes and the
// classifier's top five become one prediction, geofenced to where a picture was taken.
export { combinePredictions, type EnsembleContext } from './combine.ts';
export { parseGeofence, type Geofence } from './geofence.ts';
export { isSpeciesNetLabel, specialLabels } from './labels.ts';
export { regionOf } from './region-of.ts';
export type { EnsembleDetection, EnsembleInput, EnsemblePrediction, Region } from './types.ts';
