import type { RunnerName } from './runner.ts';
import type { EngineStatus } from '../../engine/contract.ts';
import { StationError } from '../../rpc/envelope.ts';

export type RunnerChoice = 'auto' | 'container' | 'cpu';

export interface RunnerDecision {
  runner: RunnerName;
  reason: string;
  /** The container needs its worker image loaded first: a step of its own, with progress. */
  needsImage: boolean;
}

/**
 * Which runner a job gets, from the engine's status and the user's choice alone; it changes
 * nothing. Automatic: the container with a GPU when the engine has one, else the CPU worker; the
 * user is told why. Forced: the container (on the CPU when there is no GPU) or the CPU worker.
 * The status may be null when the user chose the CPU: nothing needs asking then.
 */
export function chooseRunner(choice: RunnerChoice, status: EngineStatus | null, engineAnswers: boolean): RunnerDecision {
  if (choice === 'cpu' || !status) return { runner: 'cpu', reason: 'You chose the embedded CPU detector.', needsImage: false };
  const usable = engineAnswers && (status.image.loaded || status.image.tarball !== null);
  if (choice === 'auto' && (status.state !== 'running-gpu' || !usable)) {
    const why = !usable && engineAnswers ? 'The detection container image is not available.' : status.advice;
    return { runner: 'cpu', reason: `${why} The embedded CPU detector runs the job.`, needsImage: false };
  }
  if (!engineAnswers) throw new StationError('not-found', status.advice);
  const needsImage = !status.image.loaded;
  return status.state === 'running-gpu'
    ? { runner: 'container-gpu', reason: 'The detection container runs on the graphics card.', needsImage }
    : { runner: 'container-cpu', reason: `You chose the container. ${status.advice}`, needsImage };
}
