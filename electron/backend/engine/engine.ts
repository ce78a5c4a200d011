import type Docker from 'dockerode';
import type { EngineStatus, WorkerImageInfo, engineEvents } from './contract.ts';
import { adviceKey, engineStatus } from './engine-status.ts';
import { bundledTarball, imageInfo, loadWorkerImage } from './worker-image.ts';
import type { Emit } from '../events/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import type { PayloadMap } from '../rpc/define.ts';
import { StationError } from '../rpc/envelope.ts';
import { saidBy, type TaskHandle, type TaskStart } from '../tasks/task-registry.ts';

export type EngineStatusWithDocker = EngineStatus & { docker: Docker | null };

export interface EngineDeps {
  logger: Pick<Logger, 'info'>;
  emit: Emit<PayloadMap<typeof engineEvents>>;
  startTask(spec: TaskStart): TaskHandle;
  /** Asks the engine; replaced in unit tests. */
  status?: () => Promise<EngineStatusWithDocker>;
  load?: typeof loadWorkerImage;
  bundled?: () => string | null;
}

/** The container engine as the backend uses it: its status and the worker image, nothing of detection. */
export class Engine {
  private readonly ask: () => Promise<EngineStatusWithDocker>;
  private readonly load: typeof loadWorkerImage;
  private readonly bundled: () => string | null;
  private loads = 0;

  constructor(private readonly deps: EngineDeps) {
    this.ask = deps.status ?? (() => engineStatus((docker) => imageInfo(docker)));
    this.load = deps.load ?? loadWorkerImage;
    this.bundled = deps.bundled ?? bundledTarball;
  }

  status(): Promise<EngineStatusWithDocker> {
    return this.ask();
  }

  /**
   * Loads the bundled (or a given) tarball, with progress events and as a task; never pulls from
   * a registry. The status already asked may be passed in, so a start asks the engine once.
   */
  async loadImage(tarball?: string, known?: EngineStatusWithDocker): Promise<WorkerImageInfo> {
    const status = known ?? (await this.status());
    if (!status.docker) throw new StationError('not-found', adviceKey(status.state));
    const file = tarball ?? this.bundled();
    if (!file) throw new StationError('not-found', 'no-bundled-image');
    this.deps.logger.info('loading worker image', { file });
    this.loads += 1;
    const task = this.deps.startTask({ kind: 'image-load', ref: this.loads, unit: 'bytes' });
    try {
      const info = await this.load(status.docker, file, (p) => {
        task.progress({ done: p.bytesDone, total: p.bytesTotal });
        this.deps.emit('engine.loadProgress', p);
      });
      task.end('done');
      return info;
    } catch (err) {
      task.end('failed', saidBy(err));
      throw err;
    }
  }
}
