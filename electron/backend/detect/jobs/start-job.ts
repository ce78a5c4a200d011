import type { EngineStatusWithDocker } from '../../engine/engine.ts';
import type { LibraryAccess } from '../../library/library-session.ts';
import type { DetectionScope, JobInfo } from '../contract.ts';
import type { ModelPackage } from '../find-models.ts';
import { chooseModel } from './choose-model.ts';
import { createJob, getJob } from './job-store.ts';
import { chooseClassifier, jobClassifier, type FoundClassifier } from '../classify/job-classifier.ts';
import { chooseRunner, type RunnerChoice } from '../runners/choose-runner.ts';
import type { RunnerSources } from '../runners/runner-for-job.ts';

export interface StartDeps {
  library: LibraryAccess;
  models(): ModelPackage[];
  classifiers(): FoundClassifier[];
  engine: RunnerSources['engine'];
}

/**
 * Makes a job: the model, then the runner (a choice that changes nothing), then, when the
 * container needs it, the worker image loaded as a step of its own; then hands it to run.
 */
export async function startJob(
  deps: StartDeps,
  run: (runId: number, known?: EngineStatusWithDocker) => Promise<void>,
  request: { modelID: string | undefined; scope: DetectionScope; choice: RunnerChoice; classifierID?: string | undefined },
): Promise<JobInfo> {
  const { db } = deps.library.require();
  const model = chooseModel(deps.models(), request.modelID);
  const classifier = request.classifierID ? jobClassifier(chooseClassifier(deps.classifiers(), request.classifierID), model.manifest.defaultThreshold) : null;
  const { decision, status } = await pickRunner(deps.engine, request.choice);
  const job = createJob(db, model.manifest, request.scope, { name: decision.runner, says: decision.says }, classifier);
  await run(job.runId, status ?? undefined);
  return getJob(db, job.runId);
}

/** Where a job runs (a choice that changes nothing), then, when the container needs it, the worker image loaded. */
export async function pickRunner(engine: StartDeps['engine'], choice: RunnerChoice): Promise<{ decision: ReturnType<typeof chooseRunner>; status: EngineStatusWithDocker | null }> {
  let status = choice === 'cpu' ? null : await engine.status();
  const decision = chooseRunner(choice, status, status?.docker != null);
  if (status && decision.needsImage) status = { ...status, image: await engine.loadImage(status.image.tarball ?? undefined, status) };
  return { decision, status };
}
