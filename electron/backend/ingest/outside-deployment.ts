import type { OutsideDates } from './contract.ts';
import type { Deployment } from '../library/contract.ts';
import { localTimeToMs, msToLocalTime, wallClockMs } from '../library/local-time.ts';

/** A file of the card with the camera's wall-clock time the import would give it. */
export interface DatedFile {
  name: string;
  takenAt: string;
}

type DeploymentDates = Pick<Deployment, 'deploymentStart' | 'deploymentEnd' | 'clockOffsetSeconds'>;

const shownExamples = 5;

/**
 * The files that would land outside the deployment's start and end: each camera time is first
 * corrected by the deployment's clock offset, as the import records it.
 */
export function outsideDeployment(files: DatedFile[], deployment: DeploymentDates): OutsideDates {
  const start = wallClockMs(deployment.deploymentStart);
  const end = wallClockMs(deployment.deploymentEnd);
  const offsetMs = deployment.clockOffsetSeconds * 1000;
  const result: OutsideDates = { count: 0, examples: [] };
  for (const file of files) {
    const time = localTimeToMs(file.takenAt) + offsetMs;
    if (time >= start && time <= end) continue;
    result.count += 1;
    if (result.examples.length < shownExamples) result.examples.push({ name: file.name, time: msToLocalTime(time) });
  }
  return result;
}

/** Only the deployments some files fall outside of: most cards fit the one they were taken for. */
export function outsideByDeployment(files: DatedFile[], deployments: (DeploymentDates & { deploymentID: string })[]): Record<string, OutsideDates> {
  const byID: Record<string, OutsideDates> = {};
  for (const d of deployments) {
    const outside = outsideDeployment(files, d);
    if (outside.count > 0) byID[d.deploymentID] = outside;
  }
  return byID;
}
