import { deploymentsOfMedia, recomputeEvents } from '../analysis/independent-events.ts';
import { processAlive } from '../app/process-alive.ts';
import type { Station } from '../app/station.ts';
import { reattachContainerJob, startContainerJob } from '../engine/container-runner.ts';
import type { RunnerChoice } from '../engine/engine.ts';
import { StationError } from '../rpc/envelope.ts';
import type { DetectionScope, JobInfo } from './contract.ts';
import { startCpuWorker } from './cpu-runner.ts';
import { findModels, type ModelPackage } from './find-models.ts';
import { createJob, getJob, jobRow, pendingItems, resultWriter, setJobState, setResultsOffset, setRunner, type IncomingResult } from './job-store.ts';
import type { WorkerLine } from './worker/protocol.ts';

export type UsableModel = ModelPackage & { manifest: NonNullable<ModelPackage['manifest']>; modelFile: string };

/** A running worker of either kind: a Node child process or a container. */
interface RunnerHandle {
  stop(): void;
  pid?: number | undefined;
}

interface Active {
  handle: RunnerHandle | null;
  stopping: 'pause' | 'cancel' | 'close' | null;
  buffer: IncomingResult[];
  timer: NodeJS.Timeout | undefined;
  write: (r: IncomingResult[]) => { added: number; failed: number };
  imagesPerSecond: number;
  /** Counted here as results are stored, so progress costs no query. */
  total: number;
  done: number;
  failed: number;
  /** For a container: how far its results file has been read, and its id. */
  offset: number;
  containerId: string | null;
  /** Media with new results whose deployments' events are not recomputed yet, and when that last ran. */
  changed: Set<number>;
  eventsAt: number;
}

/** Worker restarts allowed per job before it is marked failed; a restart without new results counts twice. */
const maxCrashes = 6;

/** Runs detection jobs: one worker per job, results stored as they arrive, restarts on crashes. */
export class DetectionJobs {
  private readonly active = new Map<number, Active>();
  private readonly crashes = new Map<number, number>();

  constructor(private readonly station: Station) {}

  models(): ModelPackage[] {
    return findModels(this.station.dataDir);
  }

  private model(modelID: string | undefined): UsableModel {
    const all = this.models();
    const chosen = modelID ? all.find((m) => m.id === modelID) : (all.find((m) => m.modelFile) ?? all[0]);
    if (!chosen) throw new StationError('not-found', modelID ? `There is no model ${modelID}.` : 'No detection model is installed: run npm run fetch:models or copy a model package into the models folder.');
    if (!chosen.manifest || !chosen.modelFile) throw new StationError('not-found', chosen.problem ?? `The model ${chosen.id} cannot be used.`);
    return { ...chosen, manifest: chosen.manifest, modelFile: chosen.modelFile };
  }

  async start(modelID: string | undefined, scope: DetectionScope, choice: RunnerChoice = 'auto'): Promise<JobInfo> {
    const { db } = this.station.requireLibrary();
    const model = this.model(modelID);
    const decision = await this.station.engine.decide(choice);
    const job = createJob(db, model.manifest, scope, { name: decision.runner, reason: decision.reason });
    await this.run(job.runId);
    return getJob(db, job.runId);
  }

  /** Starts (or, for a container found after a restart, follows) a worker on what the job has not done yet. */
  async run(runId: number): Promise<void> {
    if (this.active.has(runId)) return;
    const library = this.station.requireLibrary();
    const job = jobRow(library.db, runId);
    if (job.state === 'cancelled' || job.state === 'done') throw new StationError('conflict', `Detection job ${runId} has ended (${job.state}).`);
    if (job.state === 'running' && job.ownerPid !== null && job.ownerPid !== process.pid && processAlive(job.ownerPid)) {
      throw new StationError('busy', `Detection job ${runId} is running in another Camtrap Station process (pid ${job.ownerPid}).`);
    }
    const items = pendingItems(library.db, library.paths.root, runId);
    const model = this.model(job.modelID);
    const active: Active = {
      handle: null,
      stopping: null,
      buffer: [],
      timer: undefined,
      write: resultWriter(library.db, runId),
      imagesPerSecond: 0,
      total: job.total,
      done: job.done,
      failed: job.failed,
      offset: job.resultsOffset,
      containerId: null,
      changed: new Set(),
      eventsAt: Date.now(),
    };
    const onLine = (line: WorkerLine) => this.onLine(runId, active, line);
    const onExit = (detail: string) => this.onExit(runId, active, detail);
    if (job.runner === 'cpu') {
      if (items.length === 0) return this.finish(runId, 'done', null);
      setJobState(library.db, runId, 'running');
      this.active.set(runId, active);
      const child = startCpuWorker(model, runId, items, { onLine, onExit });
      active.handle = { stop: () => child.kill(), pid: child.pid };
      this.station.logger.info('detection worker started', { runId, pending: items.length, pid: child.pid });
      return;
    }
    // Registered before the first await, so that a second run() of this job meanwhile does nothing.
    this.active.set(runId, active);
    let status;
    try {
      status = await this.station.engine.status();
      if (!status.docker) throw new StationError('not-found', `Job ${runId} runs in the detection container, but: ${status.advice}`);
    } catch (err) {
      this.active.delete(runId);
      throw err;
    }
    if (active.stopping === 'cancel') {
      this.active.delete(runId);
      return this.finish(runId, 'cancelled', 'Cancelled. Results so far are kept.');
    }
    setJobState(library.db, runId, active.stopping === 'pause' ? 'paused' : 'running');
    if (active.stopping === 'pause') {
      this.active.delete(runId);
      return;
    }
    const callbacks = {
      onLine: (line: WorkerLine, offsetAfter: number) => {
        active.offset = offsetAfter;
        onLine(line);
      },
      onExit,
      onStarted: (id: string) => {
        active.containerId = id;
      },
      onGpuRefused: (explanation: string) => {
        setRunner(library.db, runId, 'container-cpu', explanation);
        this.station.logger.error('GPU request refused', undefined, { runId, explanation });
      },
    };
    try {
      const attached = await reattachContainerJob(status.docker, library.paths.root, runId, active.offset, callbacks);
      if (attached) {
        active.handle = attached;
        this.station.logger.info('detection container reattached', { runId, offset: active.offset });
      } else if (items.length === 0) {
        this.active.delete(runId);
        return this.finish(runId, 'done', null);
      } else {
        const image = status.image.loaded ? status.image.tag : (await this.station.engine.loadImage(status.image.tarball ?? undefined)).tag;
        active.handle = await startContainerJob(
          { docker: status.docker, image, libraryRoot: library.paths.root, runId, model, items, gpu: job.runner === 'container-gpu', resultsOffset: active.offset },
          callbacks,
        );
        this.station.logger.info('detection container started', { runId, pending: items.length, container: active.containerId });
      }
    } catch (err) {
      this.active.delete(runId);
      throw err;
    }
    if (active.stopping) active.handle.stop();
  }

  pause(runId: number): JobInfo {
    const { db } = this.station.requireLibrary();
    const active = this.active.get(runId);
    if (active) {
      // A cancel already asked for is not turned into a pause.
      if (active.stopping !== 'cancel') active.stopping = 'pause';
      active.handle?.stop();
    } else {
      const job = jobRow(db, runId);
      if (!['running', 'queued', 'failed'].includes(job.state) || (job.ownerPid !== null && job.ownerPid !== process.pid && processAlive(job.ownerPid))) {
        throw new StationError('conflict', `Detection job ${runId} cannot be paused here (it is ${job.state}${job.state === 'running' ? ' in another process' : ''}).`);
      }
      setJobState(db, runId, 'paused', 'Paused. Resume to go on where it stopped.');
    }
    return getJob(db, runId);
  }

  cancel(runId: number): JobInfo {
    const { db } = this.station.requireLibrary();
    const active = this.active.get(runId);
    if (active) {
      active.stopping = 'cancel';
      active.handle?.stop();
    } else {
      const job = jobRow(db, runId);
      if (job.state === 'done' || job.state === 'cancelled') throw new StationError('conflict', `Detection job ${runId} has ended (${job.state}).`);
      this.finish(runId, 'cancelled', 'Cancelled. Results so far are kept.');
    }
    return getJob(db, runId);
  }

  /** The pid of a job's worker process, for tests that kill it. */
  workerPid(runId: number): number | undefined {
    return this.active.get(runId)?.handle?.pid;
  }

  /** Jobs that were running when the app stopped carry on when the library opens again. */
  async resumeInterrupted(): Promise<number[]> {
    const { db } = this.station.requireLibrary();
    const rows = db.prepare("SELECT run_id AS runId, owner_pid AS pid FROM detection_runs WHERE state = 'running'").all() as { runId: number; pid: number | null }[];
    const resumed: number[] = [];
    for (const r of rows) {
      if (this.active.has(r.runId) || (r.pid !== null && r.pid !== process.pid && processAlive(r.pid))) continue;
      try {
        await this.run(r.runId);
        resumed.push(r.runId);
      } catch (err) {
        this.station.logger.error('could not resume a detection job', err, { runId: r.runId });
      }
    }
    return resumed;
  }

  /**
   * The library is closing: CPU workers stop and containers are left running; jobs stay running,
   * so that they resume (or are reattached) on the next open.
   */
  stopAll(): void {
    for (const [runId, active] of this.active) {
      this.flush(runId, active);
      active.stopping = 'close';
      if (!active.containerId) active.handle?.stop();
    }
    this.active.clear();
  }

  private onLine(runId: number, active: Active, line: WorkerLine): void {
    if (line.type === 'result') active.buffer.push({ mediaPk: line.mediaPk, ok: true, truncated: line.truncated, detections: line.detections });
    else if (line.type === 'failure') active.buffer.push({ mediaPk: line.mediaPk, ok: false, reason: line.reason });
    else if (line.type === 'progress') {
      active.imagesPerSecond = line.imagesPerSecond;
      this.flush(runId, active);
      return;
    } else return;
    // Results go to the database in small batched transactions: cheap, and a crash loses at most a few.
    if (active.buffer.length >= 32) this.flush(runId, active);
    else active.timer ??= setTimeout(() => this.flush(runId, active), 100);
  }

  private flush(runId: number, active: Active): void {
    clearTimeout(active.timer);
    active.timer = undefined;
    const library = this.station.library;
    if (!library || active.stopping === 'close') return;
    if (active.buffer.length > 0) {
      for (const r of active.buffer) active.changed.add(r.mediaPk);
      const { added, failed } = active.write(active.buffer.splice(0));
      active.done += added;
      active.failed += failed;
      if (added > 0) this.crashes.set(runId, 0);
    }
    if (active.containerId) setResultsOffset(library.db, runId, active.offset, active.containerId);
    // The map's events follow the results, every few seconds rather than every batch.
    if (Date.now() - active.eventsAt > 5000) this.updateEvents(active);
    const left = active.total - active.done;
    this.station.emit('detect.progress', {
      runId,
      state: active.stopping === 'pause' ? 'paused' : 'running',
      total: active.total,
      done: active.done,
      failed: active.failed,
      imagesPerSecond: Math.round(active.imagesPerSecond * 100) / 100,
      secondsLeft: active.imagesPerSecond > 0 ? Math.round(left / active.imagesPerSecond) : null,
    });
  }

  private updateEvents(active: Active): void {
    const library = this.station.library;
    if (!library || active.changed.size === 0) return;
    for (const d of deploymentsOfMedia(library.db, active.changed)) recomputeEvents(library.db, d);
    active.changed.clear();
    active.eventsAt = Date.now();
  }

  private onExit(runId: number, active: Active, detail: string): void {
    if (active.stopping === 'close' || this.active.get(runId) !== active) return;
    this.flush(runId, active);
    this.updateEvents(active);
    this.active.delete(runId);
    const library = this.station.library;
    if (!library) return;
    if (active.stopping === 'pause') {
      setJobState(library.db, runId, 'paused', 'Paused. Resume to go on where it stopped.');
      return this.emitFinished(runId);
    }
    if (active.stopping === 'cancel') return this.finish(runId, 'cancelled', 'Cancelled. Results so far are kept.');
    const left = pendingItems(library.db, library.paths.root, runId);
    // A worker that ended without its done line but left nothing undone has still done the job.
    if (left.length === 0) return this.finish(runId, 'done', null);
    const crashes = (this.crashes.get(runId) ?? 0) + 1;
    this.crashes.set(runId, crashes);
    this.station.logger.error('detection worker stopped', undefined, { runId, detail, crashes, left: left.length });
    if (crashes > maxCrashes) return this.finish(runId, 'failed', `The detection worker kept stopping (${detail}). The job can be resumed.`);
    // A worker that dies twice without a new result may be choking on the next image: record it as failed and go on.
    if (crashes >= 2 && left[0]) resultWriter(library.db, runId)([{ mediaPk: left[0].mediaPk, ok: false, reason: `The detection worker stopped on this image (${detail}).` }]);
    this.run(runId).catch((err: unknown) => this.finish(runId, 'failed', `The detection worker could not start again: ${(err as Error).message}`));
  }

  private finish(runId: number, state: 'done' | 'cancelled' | 'failed', message: string | null): void {
    const library = this.station.library;
    if (!library) return;
    setJobState(library.db, runId, state, message);
    this.crashes.delete(runId);
    this.station.logger.info('detection job ended', { runId, state });
    this.emitFinished(runId);
  }

  private emitFinished(runId: number): void {
    if (this.station.library) this.station.emit('detect.finished', getJob(this.station.library.db, runId));
  }
}
