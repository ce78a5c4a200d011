import type { ChildProcess } from 'node:child_process';
import { processAlive } from '../app/process-alive.ts';
import type { Station } from '../app/station.ts';
import { StationError } from '../rpc/envelope.ts';
import type { DetectionScope, JobInfo } from './contract.ts';
import { startCpuWorker } from './cpu-runner.ts';
import { findModels, type ModelPackage } from './find-models.ts';
import { createJob, getJob, jobRow, pendingItems, resultWriter, setJobState, type IncomingResult } from './job-store.ts';
import type { WorkerLine } from './worker/protocol.ts';

export type UsableModel = ModelPackage & { manifest: NonNullable<ModelPackage['manifest']>; modelFile: string };

interface Active {
  child: ChildProcess;
  stopping: 'pause' | 'cancel' | 'close' | null;
  buffer: IncomingResult[];
  timer: NodeJS.Timeout | undefined;
  write: (r: IncomingResult[]) => { added: number; failed: number };
  imagesPerSecond: number;
  /** Counted here as results are stored, so progress costs no query. */
  total: number;
  done: number;
  failed: number;
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

  start(modelID: string | undefined, scope: DetectionScope): JobInfo {
    const { db } = this.station.requireLibrary();
    const model = this.model(modelID);
    const job = createJob(db, model.manifest, scope, { name: 'cpu', reason: 'The embedded CPU detector (onnxruntime) runs on every computer.' });
    this.run(job.runId);
    return getJob(db, job.runId);
  }

  /** Starts a worker on what the job has not done yet; a job with nothing left is done. */
  run(runId: number): void {
    if (this.active.has(runId)) return;
    const library = this.station.requireLibrary();
    const job = jobRow(library.db, runId);
    if (job.state === 'cancelled' || job.state === 'done') throw new StationError('conflict', `Detection job ${runId} has ended (${job.state}).`);
    if (job.state === 'running' && job.ownerPid !== null && job.ownerPid !== process.pid && processAlive(job.ownerPid)) {
      throw new StationError('busy', `Detection job ${runId} is running in another Camtrap Station process (pid ${job.ownerPid}).`);
    }
    const items = pendingItems(library.db, library.paths.root, runId);
    if (items.length === 0) return this.finish(runId, 'done', null);
    const model = this.model(job.modelID);
    setJobState(library.db, runId, 'running');
    const active: Active = {
      child: undefined as unknown as ChildProcess,
      stopping: null,
      buffer: [],
      timer: undefined,
      write: resultWriter(library.db, runId),
      imagesPerSecond: 0,
      total: job.total,
      done: job.done,
      failed: job.failed,
    };
    active.child = startCpuWorker(model, runId, items, {
      onLine: (line) => this.onLine(runId, active, line),
      onExit: (clean, detail) => this.onExit(runId, active, clean, detail),
    });
    this.active.set(runId, active);
    this.station.logger.info('detection worker started', { runId, pending: items.length, pid: active.child.pid });
  }

  pause(runId: number): JobInfo {
    const active = this.active.get(runId);
    if (active) {
      active.stopping = 'pause';
      active.child.kill();
    } else setJobState(this.station.requireLibrary().db, runId, 'paused');
    return getJob(this.station.requireLibrary().db, runId);
  }

  cancel(runId: number): JobInfo {
    const active = this.active.get(runId);
    if (active) {
      active.stopping = 'cancel';
      active.child.kill();
    } else this.finish(runId, 'cancelled', 'Cancelled. Results so far are kept.');
    return getJob(this.station.requireLibrary().db, runId);
  }

  /** The pid of a job's worker, for tests that kill it. */
  workerPid(runId: number): number | undefined {
    return this.active.get(runId)?.child.pid;
  }

  /** Jobs that were running when the app stopped carry on when the library opens again. */
  resumeInterrupted(): number[] {
    const { db } = this.station.requireLibrary();
    const rows = db.prepare("SELECT run_id AS runId, owner_pid AS pid FROM detection_runs WHERE state = 'running'").all() as { runId: number; pid: number | null }[];
    const resumed: number[] = [];
    for (const r of rows) {
      if (this.active.has(r.runId) || (r.pid !== null && r.pid !== process.pid && processAlive(r.pid))) continue;
      this.run(r.runId);
      resumed.push(r.runId);
    }
    return resumed;
  }

  /** The library is closing: workers stop, jobs stay running so that they resume on the next open. */
  stopAll(): void {
    for (const active of this.active.values()) {
      active.stopping = 'close';
      active.child.kill();
    }
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
    if (!this.station.library) return;
    if (active.buffer.length > 0) {
      const { added, failed } = active.write(active.buffer.splice(0));
      active.done += added;
      active.failed += failed;
      if (added > 0) this.crashes.set(runId, 0);
    }
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

  private onExit(runId: number, active: Active, clean: boolean, detail: string): void {
    this.flush(runId, active);
    this.active.delete(runId);
    const library = this.station.library;
    if (!library) return;
    if (active.stopping === 'close') return;
    if (active.stopping === 'pause') {
      setJobState(library.db, runId, 'paused', 'Paused. Resume to go on where it stopped.');
      return this.emitFinished(runId);
    }
    if (active.stopping === 'cancel') return this.finish(runId, 'cancelled', 'Cancelled. Results so far are kept.');
    const left = pendingItems(library.db, library.paths.root, runId);
    if (clean && left.length === 0) return this.finish(runId, 'done', null);
    const crashes = (this.crashes.get(runId) ?? 0) + 1;
    this.crashes.set(runId, crashes);
    this.station.logger.error('detection worker stopped', undefined, { runId, detail, crashes, left: left.length });
    if (crashes > maxCrashes) return this.finish(runId, 'failed', `The detection worker kept stopping (${detail}). The job can be resumed.`);
    // A worker that dies twice without a new result may be choking on the next image: record it as failed and go on.
    if (crashes >= 2 && left[0]) resultWriter(library.db, runId)([{ mediaPk: left[0].mediaPk, ok: false, reason: `The detection worker stopped on this image (${detail}).` }]);
    this.run(runId);
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
