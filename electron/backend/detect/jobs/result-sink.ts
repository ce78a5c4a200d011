import { deploymentsOfMedia, recomputeEvents } from '../../library/independent-events.ts';
import type { Library } from '../../library/open-library.ts';
import type { JobProgress } from '../contract.ts';
import { resultWriter, setResultsOffset, type ClassifyWriting, type IncomingResult, type JobRow, type ResultWriter } from './job-store.ts';
import type { RunnerCheckpoint } from '../runners/runner.ts';
import { failureReason, type WorkerLine } from '../worker/protocol.ts';

export interface SinkDeps {
  runId: number;
  /** Counts when the sink starts, so progress costs no query. */
  counts: { total: number; done: number; failed: number };
  write: ResultWriter;
  saveCheckpoint(checkpoint: RunnerCheckpoint): void;
  /** Recomputes the independent events of the deployments of these media. */
  recomputeEvents(mediaPks: ReadonlySet<number>): void;
  progress(p: JobProgress): void;
  /** Paused once a pause was asked for, while the worker finishes its last lines. */
  state(): 'running' | 'paused';
  /** New results were stored: the worker is making headway. */
  onStored(added: number): void;
  now?: () => number;
}

/** Results go to the database in small batched transactions: cheap, and a crash loses at most a few. */
const batchSize = 32;
const batchDelayMs = 100;
/** The map's events follow the results every few seconds rather than every batch. */
const eventsEveryMs = 5000;

/** Where a job's worker lines go: buffered, stored, counted, reported; apart from the job's lifecycle. */
export class ResultSink {
  private buffer: IncomingResult[] = [];
  private timer: NodeJS.Timeout | undefined;
  private imagesPerSecond = 0;
  private frames = 0;
  private readonly changed = new Set<number>();
  private eventsAt: number;
  private closed = false;
  private readonly now: () => number;
  private readonly counts: SinkDeps['counts'];

  constructor(
    private readonly deps: SinkDeps,
    private readonly checkpoint: () => RunnerCheckpoint | null,
  ) {
    this.now = deps.now ?? Date.now;
    this.eventsAt = this.now();
    this.counts = { ...deps.counts };
  }

  accept(line: WorkerLine): void {
    if (this.closed) return;
    if (line.type === 'result') {
      const video = line.frameRate !== undefined && line.framesProcessed ? { video: { frameRate: line.frameRate, framesProcessed: line.framesProcessed } } : {};
      this.buffer.push({ mediaPk: line.mediaPk, ok: true, truncated: line.truncated, detections: line.detections, ...(line.classifications ? { classifications: line.classifications } : {}), ...video });
    } else if (line.type === 'classified') this.buffer.push({ mediaPk: line.mediaPk, ok: true, classified: line.classifications });
    else if (line.type === 'failure') this.buffer.push({ mediaPk: line.mediaPk, ok: false, says: failureReason(line) });
    else if (line.type === 'progress') {
      this.imagesPerSecond = line.imagesPerSecond;
      this.frames = line.frames ?? this.frames;
      this.flush();
      return;
    } else return;
    if (this.buffer.length >= batchSize) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), batchDelayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    if (this.buffer.length > 0) {
      for (const r of this.buffer) this.changed.add(r.mediaPk);
      const { added, failed } = this.deps.write(this.buffer.splice(0));
      this.counts.done += added;
      this.counts.failed += failed;
      if (added > 0) this.deps.onStored(added);
    }
    const checkpoint = this.checkpoint();
    if (checkpoint) this.deps.saveCheckpoint(checkpoint);
    if (this.now() - this.eventsAt > eventsEveryMs) this.updateEvents();
    const { total, done, failed } = this.counts;
    const rate = this.imagesPerSecond;
    this.deps.progress({
      runId: this.deps.runId,
      state: this.deps.state(),
      total,
      done,
      failed,
      imagesPerSecond: Math.round(rate * 100) / 100,
      secondsLeft: rate > 0 ? Math.round((total - done) / rate) : null,
      ...(this.frames > 0 ? { frames: this.frames } : {}),
    });
  }

  /** Events of whatever changed since they were last computed. */
  updateEvents(): void {
    if (this.closed || this.changed.size === 0) return;
    this.deps.recomputeEvents(this.changed);
    this.changed.clear();
    this.eventsAt = this.now();
  }

  /** The library is closing: nothing more is written (what is buffered was flushed first by the caller). */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.closed = true;
  }
}

/** A sink that stores a job's results in the open library and keeps its events up to date. */
export function librarySink(
  library: Library,
  job: Pick<JobRow, 'runId' | 'total' | 'done' | 'failed'>,
  hooks: Pick<SinkDeps, 'progress' | 'state' | 'onStored'>,
  checkpoint: () => RunnerCheckpoint | null,
  classify?: ClassifyWriting,
): ResultSink {
  const { db } = library;
  return new ResultSink(
    {
      ...hooks,
      runId: job.runId,
      counts: { total: job.total, done: job.done, failed: job.failed },
      write: resultWriter(db, job.runId, classify),
      saveCheckpoint: (c) => setResultsOffset(db, job.runId, c.resultsOffset, c.containerId),
      recomputeEvents: (media) => {
        for (const d of deploymentsOfMedia(db, media)) recomputeEvents(db, d);
      },
    },
    checkpoint,
  );
}
