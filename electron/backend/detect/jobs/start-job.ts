import type { EngineStatusWithDocker } from '../../engine/engine.ts';
import type { LibraryAccess } from '../../library/library-session.ts';
import type { DetectionScope, JobInfo } from '../contract.ts';
import type { ModelPackage } from '../find-models.ts';
import { chooseModel } from './choose-model.ts';
import { createJob, getJob } from './job-store.ts';
import { chooseRunner, type RunnerChoice } from '../runners/choose-runner.ts';
import type { RunnerSources } from '../runners/runner-for-job.ts';

export interface StartDeps {
  library: LibraryAccess;
  models(): ModelPackage[];
  engine: RunnerSources['engine'];
}

/**
 * Makes a job: the model, then the runner (a choice that changes nothing), then, when the
 * container needs it, the worker image loaded as a step of its own; then hands it to run.
 */
export async function startJob(
  deps: StartDeps,
  run: (runId: number, known?: EngineStatusWithDocker) => Promise<void>,
  request: { modelID: string | undefined; scope: DetectionScope; choice: RunnerChoice },
): Promise<JobInfo> {
  const { db } = deps.library.require();
  const model = chooseModel(deps.models(), request.modelID);
  let status = request.choice === 'cpu' ? null : await deps.engine.status();
  const decision = chooseRunner(request.choice, status, status?.docker != null);
  if (status && decision.needsImage) status = { ...status, image: await deps.engine.loadImage(status.image.tarball ?? undefined, status) };
  const job = createJob(db, model.manifest, request.scope, { name: decision.runner, says: decision.says });
  await run(job.runId, status ?? undefined);
  return getJob(db, job.runId);
}
