import type { RunnerName } from './runner.ts';
import type { EngineStatus } from '../../engine/contract.ts';
import { adviceKey } from '../../engine/engine-status.ts';
import { StationError } from '../../rpc/envelope.ts';
import type { Says } from '../../rpc/messages.ts';
import { englishOfAll } from '../../rpc/stored-says.ts';

export type RunnerChoice = 'auto' | 'container' | 'cpu';

export interface RunnerDecision {
  runner: RunnerName;
  /** In English, for the command line and the log. */
  reason: string;
  /** The reason as message keys, to show in the user's language. */
  says: Says[];
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
  if (choice === 'cpu' || !status) return decision('cpu', [{ key: 'runner-cpu-chosen' }], false);
  const usable = engineAnswers && (status.image.loaded || status.image.tarball !== null);
  if (choice === 'auto' && (status.state !== 'running-gpu' || !usable)) {
    const why: Says = !usable && engineAnswers ? { key: 'runner-image-missing' } : { key: adviceKey(status.state) };
    return decision('cpu', [why, { key: 'runner-cpu-runs-job' }], false);
  }
  if (!engineAnswers) throw new StationError('not-found', adviceKey(status.state));
  const needsImage = !status.image.loaded;
  return status.state === 'running-gpu'
    ? decision('container-gpu', [{ key: 'runner-container-gpu' }], needsImage)
    : decision('container-cpu', [{ key: 'runner-container-chosen' }, { key: adviceKey(status.state) }], needsImage);
}

function decision(runner: RunnerName, says: Says[], needsImage: boolean): RunnerDecision {
  return { runner, reason: englishOfAll(says), says, needsImage };
}
