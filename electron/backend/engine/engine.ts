import type Docker from 'dockerode';
import type { Station } from '../app/station.ts';
import { StationError } from '../rpc/envelope.ts';
import type { EngineStatus, WorkerImageInfo } from './contract.ts';
import { engineStatus } from './engine-status.ts';
import { bundledTarball, imageInfo, loadWorkerImage } from './worker-image.ts';

export type RunnerChoice = 'auto' | 'container' | 'cpu';

export interface RunnerDecision {
  runner: 'cpu' | 'container-gpu' | 'container-cpu';
  reason: string;
  docker: Docker | null;
  image: string | null;
}

/** The container engine as the backend uses it: status, the worker image, and which runner a job gets. */
export class Engine {
  constructor(private readonly station: Station) {}

  async status(): Promise<EngineStatus & { docker: Docker | null }> {
    return engineStatus((docker) => imageInfo(docker));
  }

  /** Loads the bundled (or a given) tarball, with progress events; never pulls from a registry. */
  async loadImage(tarball?: string): Promise<WorkerImageInfo> {
    const status = await this.status();
    if (!status.docker) throw new StationError('not-found', status.advice);
    const file = tarball ?? bundledTarball();
    if (!file) throw new StationError('not-found', 'No worker image file was found in the app’s resources. Choose the image file (camtrap-worker…tar.gz), for example from a USB stick.');
    this.station.logger.info('loading worker image', { file });
    return loadWorkerImage(status.docker, file, (p) => this.station.emit('engine.loadProgress', p));
  }

  /**
   * Automatic: the container with a GPU when the engine has one, else the CPU worker; the user is
   * told why. Forced: the container (on the CPU when there is no GPU) or the CPU worker.
   */
  async decide(choice: RunnerChoice): Promise<RunnerDecision> {
    if (choice === 'cpu') return { runner: 'cpu', reason: 'You chose the embedded CPU detector.', docker: null, image: null };
    const status = await this.status();
    const usable = status.docker !== null && (status.image.loaded || status.image.tarball !== null);
    if (choice === 'auto' && (status.state !== 'running-gpu' || !usable)) {
      const why = !usable && status.docker ? 'The detection container image is not available.' : status.advice;
      return { runner: 'cpu', reason: `${why} The embedded CPU detector runs the job.`, docker: null, image: null };
    }
    if (!status.docker) throw new StationError('not-found', status.advice);
    const image = status.image.loaded ? status.image : await this.loadImage(status.image.tarball ?? undefined);
    return status.state === 'running-gpu'
      ? { runner: 'container-gpu', reason: 'The detection container runs on the graphics card.', docker: status.docker, image: image.tag }
      : { runner: 'container-cpu', reason: `You chose the container. ${status.advice}`, docker: status.docker, image: image.tag };
  }
}
