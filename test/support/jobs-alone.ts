import path from 'node:path';
import type Docker from 'dockerode';
import type { JobInfo } from '../../electron/backend/detect/contract.ts';
import type { UsableModel } from '../../electron/backend/detect/find-models.ts';
import { DetectionJobs } from '../../electron/backend/detect/jobs/detection-jobs.ts';
import { modelManifestSchema } from '../../electron/backend/detect/model-manifest.ts';
import { containerRunner } from '../../electron/backend/detect/runners/container-runner.ts';
import { createCpuRunner } from '../../electron/backend/detect/runners/cpu-runner.ts';
import type { Runner } from '../../electron/backend/detect/runners/runner.ts';
import type { EngineStatusWithDocker } from '../../electron/backend/engine/engine.ts';
import type { Library } from '../../electron/backend/library/open-library.ts';
import { TaskRegistry } from '../../electron/backend/tasks/task-registry.ts';
import manifestJson from '../../resources/models/nanodet-m-416/manifest.json' with { type: 'json' };

/** The development model's package in a folder (the file need not be there for a stand-in worker). */
export function devModel(dir: string): UsableModel {
  return { id: 'nanodet-m-416', dir, manifest: modelManifestSchema.parse(manifestJson), modelFile: path.join(dir, 'model.onnx'), problem: null };
}

/**
 * Detection jobs on one library, built alone: the real runners (or a CPU worker of the test's
 * choice) and, for containers, an engine said to answer with the given image already loaded.
 */
export function jobsAlone(library: Library, model: UsableModel, options: { cpu?: Runner; docker?: Docker; image?: string } = {}) {
  const errors: string[] = [];
  let finished: JobInfo | undefined;
  const status = { docker: options.docker ?? null, image: { tag: options.image ?? 'none', loaded: true, tarball: null, sha256: null, bytes: null }, state: 'running-no-gpu', advice: '' } as EngineStatusWithDocker;
  const jobs = new DetectionJobs({
    library: { current: () => library, require: () => library },
    models: () => [model],
    engine: { status: () => Promise.resolve(status), loadImage: () => Promise.reject(new Error('not asked')) },
    runners: { cpu: options.cpu ?? createCpuRunner(), container: containerRunner },
    emit: (...args) => {
      if (args[0] === 'detect.finished') finished = args[1];
    },
    logger: { info: () => undefined, error: (message) => (errors.push(message), 'E-TEST') },
    startTask: (spec) => new TaskRegistry(() => undefined).start(spec),
  });
  return { jobs, errors, finished: (): JobInfo | undefined => finished };
}
