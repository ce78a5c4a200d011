import { DetectionJobs } from '../detect/detection-jobs.ts';
import { Engine } from '../engine/engine.ts';
import type { ImportRun } from '../ingest/import-run.ts';
import type { Logger } from '../log/logger.ts';
import { createLibrary, openLibrary, type Library } from '../library/open-library.ts';
import { StationError } from '../rpc/envelope.ts';
import type { EventName, PayloadOf } from '../rpc/contract.ts';
import { rememberLibrary } from './recent-libraries.ts';

export type EventListener = <E extends EventName>(name: E, payload: PayloadOf<E>) => void;

/** The backend's state: which library is open, what runs in it, and who listens for events. */
export class Station {
  private current: Library | null = null;
  private readonly listeners = new Set<EventListener>();
  readonly imports = new Map<number, ImportRun>();
  readonly detection = new DetectionJobs(this);
  readonly engine = new Engine(this);

  /** resumeJobs: the app and browser mode carry on interrupted detection jobs when a library opens; the CLI does so only when asked. */
  constructor(
    readonly dataDir: string,
    readonly logger: Logger,
    private readonly options: { resumeJobs: boolean } = { resumeJobs: false },
  ) {}

  get library(): Library | null {
    return this.current;
  }

  requireLibrary(): Library {
    if (!this.current) throw new StationError('no-library', 'No library is open: create or open one first.');
    return this.current;
  }

  open(root: string, create: boolean): Library {
    if (this.imports.size > 0) throw new StationError('busy', 'An import is running: wait for it or cancel it before switching libraries.');
    const library = create ? createLibrary(root) : openLibrary(root);
    this.detection.stopAll();
    this.current?.close();
    this.current = library;
    rememberLibrary(this.dataDir, library.paths.root);
    this.logger.info('library opened', { root: library.paths.root, created: create });
    if (this.options.resumeJobs) {
      void this.detection.resumeInterrupted().then((resumed) => {
        if (resumed.length > 0) this.logger.info('detection jobs resumed', { runIds: resumed });
      });
    }
    return library;
  }

  close(): void {
    for (const run of this.imports.values()) run.cancel();
    this.detection.stopAll();
    this.current?.close();
    this.current = null;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}
