import type { ContainerLimits, ContainerTarget } from './container-runner.ts';
import type { Runner, RunnerName } from './runner.ts';
import type { WorkerImageInfo } from '../../engine/contract.ts';
import type { EngineStatusWithDocker } from '../../engine/engine.ts';
import { StationError } from '../../rpc/envelope.ts';

export interface RunnerSources {
  engine: { status(): Promise<EngineStatusWithDocker>; loadImage(tarball: string | undefined, known: EngineStatusWithDocker): Promise<WorkerImageInfo> };
  runners: { cpu: Runner; container(target: ContainerTarget): Runner };
}

/**
 * The runner a job recorded: the CPU worker, or the container on the engine that answers now.
 * The status asked when the job was started may be passed in, so a start asks the engine once.
 */
export async function runnerForJob(runId: number, name: RunnerName, sources: RunnerSources, limits: ContainerLimits, known?: EngineStatusWithDocker): Promise<Runner> {
  if (name === 'cpu') return sources.runners.cpu;
  const status = known ?? (await sources.engine.status());
  const docker = status.docker;
  if (!docker) throw new StationError('not-found', 'job-needs-engine', { runId });
  // The image is loaded when the job starts; here again only when a job resumes after the image went away.
  const image = async (): Promise<string> => (status.image.loaded ? status.image.tag : (await sources.engine.loadImage(status.image.tarball ?? undefined, status)).tag);
  return sources.runners.container({ docker, gpu: name === 'container-gpu', limits, image });
}
