import type { ContainerLimits } from './container-runner.ts';
import type { Db } from '../../library/db.ts';
import { getNumberSetting } from '../../library/settings.ts';

/** The limits a library sets for its detection containers (its settings, with their defaults). */
export function containerLimits(db: Db): ContainerLimits {
  return { memoryBytes: getNumberSetting(db, 'containerMemoryMiB') * 1024 * 1024, pids: getNumberSetting(db, 'containerPids') };
}
