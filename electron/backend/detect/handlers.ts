import type { detectMethods } from './contract.ts';
import type { ModelPackage } from './find-models.ts';
import type { LibraryAccess } from '../library/library-session.ts';
import type { DomainHandlers } from '../rpc/define.ts';
import type { DetectionJobs } from './jobs/detection-jobs.ts';
import { getJob, listJobs } from './jobs/job-store.ts';
import { mediaDetections } from './media-detections.ts';
import { writeMegadetectorJson } from './megadetector-export.ts';

export interface DetectContext {
  library: LibraryAccess;
  detection: Pick<DetectionJobs, 'start' | 'run' | 'pause' | 'cancel'>;
  models(): ModelPackage[];
}

export const detectHandlers: DomainHandlers<typeof detectMethods, DetectContext> = {
  'models.list': (_input, { models }) =>
    models().map((m) => ({
      id: m.id,
      name: m.manifest?.name ?? m.id,
      version: m.manifest?.version ?? '',
      licence: m.manifest?.licence ?? '',
      defaultThreshold: m.manifest?.defaultThreshold ?? 0,
      available: m.modelFile !== null && m.manifest !== null,
      problem: m.problem,
      development: m.manifest?.purpose === 'development',
    })),
  'detect.start': ({ modelID, scope, runner }, { detection }) => detection.start(modelID, scope, runner),
  'detect.pause': ({ runId }, { detection }) => detection.pause(runId),
  'detect.resume': async ({ runId }, { detection, library }) => {
    await detection.run(runId);
    return getJob(library.require().db, runId);
  },
  'detect.cancel': ({ runId }, { detection }) => detection.cancel(runId),
  'detect.jobs': (_input, { library }) => listJobs(library.require().db),
  'detect.mediaResult': ({ mediaID, threshold }, { library }) => mediaDetections(library.require().db, mediaID, threshold),
  'detect.exportMegadetector': ({ runId, file }, { library }) => writeMegadetectorJson(library.require().db, runId, file),
};
