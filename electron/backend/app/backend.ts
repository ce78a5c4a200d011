import os from 'node:os';
import type { BackendEvents } from './backend-events.ts';
import { recentLibraries, rememberLibrary } from './recent-libraries.ts';
import { MapReader } from '../analysis/map-files/map-reader.ts';
import { findClassifiers } from '../detect/classify/find-classifiers.ts';
import { findModels, type ModelPackage } from '../detect/find-models.ts';
import { DetectionJobs } from '../detect/jobs/detection-jobs.ts';
import { resumeInterrupted } from '../detect/jobs/resume-interrupted.ts';
import { containerRunner } from '../detect/runners/container-runner.ts';
import { cpuRunner } from '../detect/runners/cpu-runner.ts';
import { Engine } from '../engine/engine.ts';
import { createEventBus, type EventBus } from '../events/event-bus.ts';
import { Imports } from '../ingest/imports.ts';
import { LibrarySession } from '../library/library-session.ts';
import type { Library } from '../library/open-library.ts';
import type { Logger } from '../log/logger.ts';
import { StationError } from '../rpc/envelope.ts';
import { TaskRegistry } from '../tasks/task-registry.ts';

export interface BackendOptions {
  /** The app's own folder: logs, recent libraries, the user's models. */
  dataDir: string;
  logger: Logger;
  /** The app and browser mode carry on interrupted detection jobs when a library opens; the CLI does so only when asked. */
  resumeJobs?: boolean;
}

/**
 * The backend as the roof sees it (dispatch, servers, the CLI, tests). Services never get this
 * object: each is built below with only what it needs, and each handler sees a narrow context.
 */
export interface Backend extends Pick<EventBus<BackendEvents>, 'subscribe' | 'on' | 'emit'> {
  readonly dataDir: string;
  readonly home: string;
  readonly logger: Logger;
  readonly library: LibrarySession;
  readonly imports: Imports;
  readonly detection: DetectionJobs;
  readonly engine: Engine;
  readonly tasks: TaskRegistry;
  readonly maps: MapReader;
  models(): ModelPackage[];
  recentRoots(): string[];
  requireLibrary(): Library;
  open(root: string, create: boolean): Library;
  close(): void;
}

/** The composition root: Electron's utility process, browser mode, the CLI and the tests all start the backend here. */
export function createBackend({ dataDir, logger, resumeJobs = false }: BackendOptions): Backend {
  const bus = createEventBus<BackendEvents>();
  const tasks = new TaskRegistry((task) => bus.emit('task.updated', task));
  const startTask = tasks.start.bind(tasks);
  const models = (): ModelPackage[] => findModels(dataDir);
  const engine = new Engine({ logger, emit: bus.emit, startTask });
  const library = new LibrarySession({
    assertCanSwitch: () => {
      if (imports.busy) throw new StationError('busy', 'library-switch-during-import');
    },
    beforeClose: () => {
      imports.cancelAll();
      detection.stopAll();
    },
    afterOpen: (opened, created) => {
      rememberLibrary(dataDir, opened.paths.root);
      logger.info('library opened', { root: opened.paths.root, created });
      if (!resumeJobs) return;
      void resumeInterrupted(opened.db, detection, logger).then((resumed) => {
        if (resumed.length > 0) logger.info('detection jobs resumed', { runIds: resumed });
      });
    },
  });
  const maps = new MapReader();
  const imports = new Imports({ library, emit: bus.emit, logger, startTask });
  const classifiers = () => findClassifiers(dataDir);
  const detection = new DetectionJobs({ library, models, classifiers, engine, runners: { cpu: cpuRunner, container: containerRunner }, emit: bus.emit, logger, startTask });
  return {
    dataDir,
    home: os.homedir(),
    logger,
    library,
    imports,
    detection,
    engine,
    tasks,
    maps,
    models,
    recentRoots: () => recentLibraries(dataDir).map((r) => r.root),
    subscribe: bus.subscribe,
    on: bus.on,
    emit: bus.emit,
    requireLibrary: () => library.require(),
    open: (root, create) => library.open(root, create),
    close: () => library.close(),
  };
}
