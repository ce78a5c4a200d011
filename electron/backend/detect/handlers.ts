import type { DomainHandlers } from '../rpc/handler-types.ts';
import type { detectMethods } from './contract.ts';
import { getJob, listJobs } from './job-store.ts';
import { mediaDetections } from './media-detections.ts';
import { writeMegadetectorJson } from './megadetector-export.ts';

export const detectHandlers: DomainHandlers<typeof detectMethods> = {
  'models.list': (_input, station) =>
    station.detection.models().map((m) => ({
      id: m.id,
      name: m.manifest?.name ?? m.id,
      version: m.manifest?.version ?? '',
      licence: m.manifest?.licence ?? '',
      defaultThreshold: m.manifest?.defaultThreshold ?? 0,
      available: m.modelFile !== null && m.manifest !== null,
      problem: m.problem,
    })),
  'detect.start': ({ modelID, scope, runner }, station) => station.detection.start(modelID, scope, runner),
  'detect.pause': ({ runId }, station) => station.detection.pause(runId),
  'detect.resume': async ({ runId }, station) => {
    await station.detection.run(runId);
    return getJob(station.requireLibrary().db, runId);
  },
  'detect.cancel': ({ runId }, station) => station.detection.cancel(runId),
  'detect.jobs': (_input, station) => listJobs(station.requireLibrary().db),
  'detect.mediaResult': ({ mediaID, threshold }, station) => mediaDetections(station.requireLibrary().db, mediaID, threshold),
  'detect.exportMegadetector': ({ runId, file }, station) => writeMegadetectorJson(station.requireLibrary().db, runId, file),
};
