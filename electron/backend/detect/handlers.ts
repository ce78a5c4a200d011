import { classifierInfo } from './classify/classifier-info.ts';
import { allClassifierPackages, findClassifiers } from './classify/find-classifiers.ts';
import type { detectEvents, detectMethods, InstalledModel } from './contract.ts';
import { allModelPackages, userModelsFolder, type ModelPackage } from './find-models.ts';
import { installModelPackage } from './models/install-package.ts';
import { modelInfo } from './models/model-info.ts';
import type { Emit } from '../events/event-bus.ts';
import type { LibraryAccess } from '../library/library-session.ts';
import { getNumberSetting, setSetting } from '../library/settings.ts';
import type { DomainHandlers, PayloadMap } from '../rpc/define.ts';
import type { DetectionJobs } from './jobs/detection-jobs.ts';
import { getJob, listJobs } from './jobs/job-store.ts';
import { mediaDetections } from './media-detections.ts';
import { writeMegadetectorJson } from './megadetector-export.ts';
import { runCounts } from './run-counts.ts';

export interface DetectContext {
  library: LibraryAccess;
  detection: Pick<DetectionJobs, 'start' | 'run' | 'pause' | 'cancel' | 'classifyRun'>;
  models(): ModelPackage[];
  /** The app's own folder: models the user adds are installed under it. */
  dataDir: string;
  emit: Emit<PayloadMap<typeof detectEvents>>;
}

async function installModel(source: string, { dataDir, emit }: DetectContext): Promise<InstalledModel> {
  const installed = await installModelPackage(source, { modelsDir: userModelsFolder(dataDir), packages: () => [...allModelPackages(dataDir), ...allClassifierPackages(dataDir)] });
  const { replacedVersion } = installed;
  const result: InstalledModel = installed.kind === 'classifier' ? { kind: 'classifier', model: classifierInfo(installed.pkg), replacedVersion } : { kind: 'detector', model: modelInfo(installed.pkg), replacedVersion };
  emit('models.installed', result);
  return result;
}

export const detectHandlers: DomainHandlers<typeof detectMethods, DetectContext> = {
  'models.list': (_input, { models }) => models().map(modelInfo),
  'models.classifiers': (_input, { dataDir }) => findClassifiers(dataDir).map(classifierInfo),
  'models.install': ({ package: source }, ctx) => installModel(source, ctx),
  'detect.start': ({ modelID, scope, runner, classifierID }, { detection }) => detection.start(modelID, scope, runner, classifierID),
  'detect.classifyRun': ({ runId, classifierID, runner }, { detection }) => detection.classifyRun(runId, classifierID, runner),
  'detect.videoSampling': (_input, { library }) => ({ framesPerSecond: getNumberSetting(library.require().db, 'videoFramesPerSecond') }),
  'detect.setVideoSampling': ({ framesPerSecond }, { library }) => {
    setSetting(library.require().db, 'videoFramesPerSecond', framesPerSecond);
    return { framesPerSecond };
  },
  'detect.pause': ({ runId }, { detection }) => detection.pause(runId),
  'detect.resume': async ({ runId }, { detection, library }) => {
    await detection.run(runId);
    return getJob(library.require().db, runId);
  },
  'detect.cancel': ({ runId }, { detection }) => detection.cancel(runId),
  'detect.jobs': (_input, { library }) => listJobs(library.require().db),
  'detect.runCounts': ({ runId }, { library }) => runCounts(library.require().db, runId),
  'detect.mediaResult': ({ mediaID, threshold }, { library }) => mediaDetections(library.require().db, mediaID, threshold),
  'detect.exportMegadetector': ({ runId, file }, { library }) => writeMegadetectorJson(library.require().db, runId, file),
};
