import { CrashCounts, type Stopping } from './after-exit.ts';
import { detectorFor } from './choose-model.ts';
import { refusal, transition } from './job-lifecycle.ts';
import { getJob, jobRow, pendingItems, reopenWithClassifier, resultWriter, runClassifier, setRunner, type ClassifyWriting, type JobRow } from './job-store.ts';
import { JobTasks } from './job-tasks.ts';
import { librarySink, type ResultSink } from './result-sink.ts';
import { pickRunner, startJob } from './start-job.ts';
import type { EngineStatusWithDocker } from '../../engine/engine.ts';
import type { Emit } from '../../events/event-bus.ts';
import type { LibraryAccess } from '../../library/library-session.ts';
import type { Library } from '../../library/open-library.ts';
import { getNumberSetting } from '../../library/settings.ts';
import type { Logger } from '../../log/logger.ts';
import type { PayloadMap } from '../../rpc/define.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { Says } from '../../rpc/messages.ts';
import { englishOfAll } from '../../rpc/stored-says.ts';
import { saidBy, type TaskHandle, type TaskStart } from '../../tasks/task-registry.ts';
import { chooseClassifier, classifierContext, jobClassifier, type FoundClassifier } from '../classify/job-classifier.ts';
import { classificationWriter } from '../classify/store-classifications.ts';
import type { DetectionScope, JobInfo, JobProgress, detectEvents } from '../contract.ts';
import type { ModelPackage } from '../find-models.ts';
import type { RunnerChoice } from '../runners/choose-runner.ts';
import { containerLimits } from '../runners/container-limits.ts';
import { runnerForJob, type RunnerSources } from '../runners/runner-for-job.ts';
import type { RunnerCallbacks, RunnerHandle, RunnerName } from '../runners/runner.ts';

export interface DetectionDeps extends RunnerSources {
  library: LibraryAccess;
  models(): ModelPackage[];
  /** Species classifier packages; none when absent. */
  classifiers?(): FoundClassifier[];
  emit: Emit<PayloadMap<typeof detectEvents>>;
  logger: Pick<Logger, 'info' | 'error'>;
  startTask(spec: TaskStart): TaskHandle;
}

interface Active {
  handle: RunnerHandle | null;
  stopping: Stopping;
  sink: ResultSink;
}

const pausedMessage: Says[] = [{ key: 'job-paused' }];
const cancelledMessage: Says[] = [{ key: 'job-cancelled' }];

/** Why a crashed worker could not be started again: the error's own message when it has a key. */
function notRestarted(err: unknown): Says[] {
  if (err instanceof StationError && err.says) return [{ key: 'job-worker-not-restarted' }, err.says];
  return [{ key: 'job-worker-not-restarted-because', values: { detail: (err as Error).message } }];
}

/** Runs detection jobs: one runner per job, results stored as they arrive, restarts on crashes. */
export class DetectionJobs {
  private readonly active = new Map<number, Active>();
  private readonly crashes = new CrashCounts();
  private readonly tasks: JobTasks;

  constructor(private readonly deps: DetectionDeps) {
    this.tasks = new JobTasks(deps.startTask);
  }

  start(modelID: string | undefined, scope: DetectionScope, choice: RunnerChoice = 'auto', classifierID?: string): Promise<JobInfo> {
    const classifiers = () => this.deps.classifiers?.() ?? [];
    return startJob({ ...this.deps, classifiers }, (runId, known) => this.run(runId, known), { modelID, scope, choice, classifierID });
  }

  /** Classifies the pictures an earlier run found boxes in: the same run goes on with a classifier. */
  async classifyRun(runId: number, classifierID: string, choice: RunnerChoice = 'auto'): Promise<JobInfo> {
    const { db } = this.deps.library.require();
    const job = jobRow(db, runId);
    if (this.active.has(runId) || job.state === 'running' || job.state === 'queued') throw new StationError('busy', 'classify-run-busy', { runId });
    if (job.state === 'cancelled') throw new StationError('conflict', 'classify-run-cancelled', { runId });
    const classifier = chooseClassifier(this.deps.classifiers?.() ?? [], classifierID);
    const { decision, status } = await pickRunner(this.deps.engine, choice);
    const threshold = (db.prepare('SELECT default_threshold FROM detection_runs WHERE run_id = ?').pluck().get(runId) as number | undefined) ?? 0;
    reopenWithClassifier(db, runId, jobClassifier(classifier, threshold));
    setRunner(db, runId, decision.runner, decision.says);
    await this.run(runId, status ?? undefined);
    return getJob(db, runId);
  }

  /** Starts (or, for a container found after a restart, follows) a runner on what the job has not done yet. */
  async run(runId: number, known?: EngineStatusWithDocker): Promise<void> {
    if (this.active.has(runId)) return;
    const library = this.deps.library.require();
    const job = jobRow(library.db, runId);
    const refused = refusal(job, 'running');
    if (refused) throw refused;
    const items = pendingItems(library.db, library.paths.root, runId);
    const model = detectorFor(this.deps.models(), job.modelID, items);
    const stage = runClassifier(library.db, runId);
    const classifier = stage ? chooseClassifier(this.deps.classifiers?.() ?? [], stage.id) : null;
    const classify = stage && classifier ? { write: classificationWriter(library.db, runId, classifierContext(library.db, classifier)), threshold: stage.threshold } : undefined;
    // Registered before the first await, so that a second run() of this job meanwhile does nothing.
    const active = this.track(library, job, classify);
    try {
      const runner = await runnerForJob(runId, job.runner as RunnerName, this.deps, containerLimits(library.db), known);
      if (active.stopping) return this.stoppedBeforeStart(runId, active);
      const runnerJob = {
        runId,
        model,
        items,
        libraryRoot: library.paths.root,
        resultsOffset: job.resultsOffset,
        videoFramesPerSecond: getNumberSetting(library.db, 'videoFramesPerSecond'),
        ...(classifier && stage ? { classifier: { pkg: classifier, boxThreshold: stage.threshold } } : {}),
      };
      const callbacks: RunnerCallbacks = {
        onLine: (line) => active.sink.accept(line),
        onExit: (detail) => this.onExit(runId, active, detail),
        onRunnerChanged: (runner, reason) => {
          setRunner(library.db, runId, runner, reason);
          this.deps.logger.error('GPU request refused', undefined, { runId, explanation: englishOfAll(reason) });
        },
      };
      const reattached = await runner.reattach(runnerJob, callbacks);
      if (!reattached && items.length === 0) {
        this.active.delete(runId);
        return this.finish(runId, 'done', null);
      }
      transition(library.db, runId, 'running');
      active.handle = reattached ?? (await runner.start(runnerJob, callbacks));
      this.deps.logger.info(`detection ${job.runner === 'cpu' ? 'worker' : 'container'} ${reattached ? 'reattached' : 'started'}`, { runId, runner: job.runner, pending: items.length });
    } catch (err) {
      this.active.delete(runId);
      this.tasks.end(runId, 'failed', saidBy(err));
      throw err;
    }
    if (active.stopping) active.handle.stop();
  }

  pause(runId: number): JobInfo {
    const { db } = this.deps.library.require();
    const active = this.active.get(runId);
    if (active) {
      // A cancel already asked for is not turned into a pause.
      if (active.stopping !== 'cancel') active.stopping = 'pause';
      active.handle?.stop();
    } else transition(db, runId, 'paused', pausedMessage);
    return getJob(db, runId);
  }

  cancel(runId: number): JobInfo {
    const { db } = this.deps.library.require();
    const active = this.active.get(runId);
    if (active) {
      active.stopping = 'cancel';
      active.handle?.stop();
    } else this.finish(runId, 'cancelled', cancelledMessage);
    return getJob(db, runId);
  }

  /** For tests that kill the worker. */
  workerPid(runId: number): number | undefined {
    return this.active.get(runId)?.handle?.pid;
  }

  isActive(runId: number): boolean {
    return this.active.has(runId);
  }

  /** The library is closing: CPU workers stop, containers go on; jobs stay running, to resume or be reattached on the next open. */
  stopAll(): void {
    for (const active of this.active.values()) {
      active.sink.flush();
      active.sink.close();
      active.stopping = 'close';
      if (!active.handle?.detached) active.handle?.stop();
    }
    this.active.clear();
  }

  private track(library: Library, job: JobRow, classify: ClassifyWriting | undefined): Active {
    const { runId } = job;
    this.tasks.begin(job, () => this.cancel(runId));
    const hooks = {
      progress: (p: JobProgress) => {
        this.tasks.progress(p);
        this.deps.emit('detect.progress', p);
      },
      state: () => (active.stopping === 'pause' ? ('paused' as const) : ('running' as const)),
      onStored: () => this.crashes.reset(runId),
    };
    const active: Active = { handle: null, stopping: null, sink: librarySink(library, job, hooks, () => active.handle?.checkpoint() ?? null, classify) };
    this.active.set(runId, active);
    return active;
  }

  /** Paused or cancelled while the engine was asked; a closing library leaves the job to resume on the next open. */
  private stoppedBeforeStart(runId: number, active: Active): void {
    this.active.delete(runId);
    if (active.stopping === 'close') return;
    if (active.stopping === 'cancel') return this.finish(runId, 'cancelled', cancelledMessage);
    transition(this.deps.library.require().db, runId, 'paused', pausedMessage);
    this.tasks.paused(runId);
  }

  private onExit(runId: number, active: Active, detail: string): void {
    if (active.stopping === 'close' || this.active.get(runId) !== active) return;
    active.sink.flush();
    active.sink.updateEvents();
    this.active.delete(runId);
    const library = this.deps.library.current();
    if (!library) return;
    const left = pendingItems(library.db, library.paths.root, runId);
    const next = this.crashes.after(runId, active.stopping, left.length);
    if (next.kind === 'paused') {
      transition(library.db, runId, 'paused', pausedMessage);
      this.tasks.paused(runId);
      return this.emitFinished(runId);
    }
    if (next.kind === 'cancelled') return this.finish(runId, 'cancelled', cancelledMessage);
    if (next.kind === 'done') return this.finish(runId, 'done', null);
    this.deps.logger.error('detection worker stopped', undefined, { runId, detail, crashes: this.crashes.count(runId), left: left.length });
    if (next.kind === 'failed') return this.finish(runId, 'failed', [{ key: 'job-worker-keeps-stopping', values: { detail } }]);
    if (next.skipFirst && left[0]) resultWriter(library.db, runId)([{ mediaPk: left[0].mediaPk, ok: false, says: [{ key: 'detect-worker-stopped-on-image', values: { detail } }] }]);
    this.run(runId).catch((err: unknown) => {
      // Cancelled meanwhile, or the library closed: then there is nothing left to mark.
      if (this.deps.library.current() === library && !refusal(jobRow(library.db, runId), 'failed')) this.finish(runId, 'failed', notRestarted(err));
    });
  }

  private finish(runId: number, state: 'done' | 'cancelled' | 'failed', message: Says[] | null): void {
    const library = this.deps.library.current();
    if (!library) return;
    transition(library.db, runId, state, message);
    this.crashes.forget(runId);
    this.tasks.end(runId, state, message);
    this.deps.logger.info('detection job ended', { runId, state });
    this.emitFinished(runId);
  }

  private emitFinished(runId: number): void {
    const library = this.deps.library.current();
    if (library) this.deps.emit('detect.finished', getJob(library.db, runId));
  }
}
