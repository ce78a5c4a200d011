import type { Says } from '../../rpc/messages.ts';
import type { UsableClassifier } from '../classify/job-classifier.ts';
import type { UsableModel } from '../find-models.ts';
import type { JobManifest, WorkerLine } from '../worker/protocol.ts';

export type RunnerName = 'cpu' | 'container-gpu' | 'container-cpu';

/** What a job hands a runner: the model and what is still to do. */
export interface RunnerJob {
  runId: number;
  model: UsableModel;
  items: JobManifest['items'];
  libraryRoot: string;
  /** Frames of a video looked at per second of it. */
  videoFramesPerSecond: number;
  /** The species stage, when the job has one. */
  classifier?: { pkg: UsableClassifier; boxThreshold: number };
  /** The checkpoint stored by the last run of this job (a container's results file offset). */
  resultsOffset: number;
}

export interface RunnerCallbacks {
  onLine(line: WorkerLine): void;
  /** The worker ended; whether the job is done is read from its pending images, not from how it ended. */
  onExit(detail: string): void;
  /** The runner had to run differently than chosen (the engine refused the GPU), and says why. */
  onRunnerChanged(runner: RunnerName, reason: Says[]): void;
}

/** Where a restarted backend picks the job up again: only work that outlives the backend has one. */
export interface RunnerCheckpoint {
  resultsOffset: number;
  containerId: string;
}

export interface RunnerHandle {
  stop(): void;
  /** The worker's process id, for tests that kill it. */
  readonly pid?: number | undefined;
  /** True when the work goes on without this process (a container): closing the library leaves it running. */
  readonly detached: boolean;
  /** Read when results are stored, so the checkpoint never passes a result not yet in the database. */
  checkpoint(): RunnerCheckpoint | null;
}

/** A CPU worker process or the container: the jobs know only this. */
export interface Runner {
  /** Work of this job still running from before a restart, followed from its checkpoint; null when there is none. */
  reattach(job: RunnerJob, callbacks: RunnerCallbacks): Promise<RunnerHandle | null>;
  start(job: RunnerJob, callbacks: RunnerCallbacks): Promise<RunnerHandle>;
}
