import fs from 'node:fs';
import path from 'node:path';
import { readClassifierLabels } from './classifier-labels.ts';
import type { ClassifierManifest } from './classifier-manifest.ts';
import { parseGeofence } from './ensemble/index.ts';
import { regionOfMedia } from './region-of-media.ts';
import type { ClassifierContext } from './store-classifications.ts';
import type { Db } from '../../library/db.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { JobClassifier } from '../jobs/job-store.ts';

/** A classifier package as found on disk: null manifest or file when it cannot run. */
export interface FoundClassifier {
  id: string;
  dir: string;
  manifest: ClassifierManifest | null;
  modelFile: string | null;
}

export type UsableClassifier = FoundClassifier & { manifest: ClassifierManifest; modelFile: string };

/** The classifier a job asks for; a plain-words error when it is not there or cannot run. */
export function chooseClassifier(all: readonly FoundClassifier[], id: string): UsableClassifier {
  const chosen = all.find((c) => c.id === id);
  if (!chosen) throw new StationError('not-found', 'classifier-not-found', { model: id });
  if (!chosen.manifest || !chosen.modelFile) throw new StationError('not-found', 'classifier-unusable', { model: id });
  return { ...chosen, manifest: chosen.manifest, modelFile: chosen.modelFile };
}

/** What a run records of its classifier; boxes need the detector's own threshold unless the classifier names one. */
export function jobClassifier(c: UsableClassifier, detectorThreshold: number): JobClassifier {
  return { id: c.manifest.id, name: c.manifest.name, version: c.manifest.version, crop: c.manifest.crop, threshold: c.manifest.boxThreshold ?? detectorThreshold };
}

/** The labels and geofence of a package, read and checked, with where the library's pictures were taken. */
export function classifierContext(db: Db, c: UsableClassifier): ClassifierContext {
  const geofenceFile = c.manifest.geofence ? path.join(c.dir, c.manifest.geofence) : null;
  return {
    labels: readClassifierLabels(path.join(c.dir, c.manifest.labels)),
    geofence: geofenceFile ? parseGeofence(fs.readFileSync(geofenceFile, 'utf8')) : null,
    crop: c.manifest.crop,
    regionOf: regionOfMedia(db),
  };
}
