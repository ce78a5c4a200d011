import { camtraprEffort, workingTime, type CamtraprEffort, type CamtraprEffortInput, type WorkingTime } from './camtrapr-effort.ts';
import type { Db } from '../../library/db.ts';
import { msToLocalTime, wallClockMs } from '../../library/local-time.ts';

export interface DeploymentTimes {
  deploymentStart: string;
  deploymentEnd: string;
  datesOnly: boolean;
}

/** A stored time (ISO with offset) as the station's clock read it, to the day or to the second. */
function wallClock(iso: string, datesOnly: boolean): string {
  const local = msToLocalTime(Math.floor(wallClockMs(iso) / 1000) * 1000);
  return datesOnly ? local.slice(0, 10) : local;
}

/** A deployment and its problem periods as camtrapR's camera trap table would give them. */
export function effortInput(d: DeploymentTimes, problems: readonly { from: string; to: string }[]): CamtraprEffortInput {
  return { setup: wallClock(d.deploymentStart, d.datesOnly), retrieval: wallClock(d.deploymentEnd, d.datesOnly), problems };
}

export interface DeploymentEffort<T extends WorkingTime = CamtraprEffort> {
  deploymentID: string;
  locationID: string;
  effort: T;
}

/** Every deployment's working time: what the map, the station panel, the detection histories and the exports divide by. */
export function deploymentTimes(db: Db): DeploymentEffort<WorkingTime>[] {
  return deploymentRows(db, workingTime);
}

/** Every deployment's effort as camtrapR's surveyReport counts it, day by day. */
export function deploymentEfforts(db: Db): DeploymentEffort[] {
  return deploymentRows(db, camtraprEffort);
}

/** A handful of rows per deployment, counted by the given rule. */
function deploymentRows<T extends WorkingTime>(db: Db, count: (input: CamtraprEffortInput) => T): DeploymentEffort<T>[] {
  const deployments = db
    .prepare('SELECT deployment_id AS deploymentID, location_id AS locationID, deployment_start AS deploymentStart, deployment_end AS deploymentEnd, dates_only AS datesOnly FROM deployments')
    .all() as { deploymentID: string; locationID: string; deploymentStart: string; deploymentEnd: string; datesOnly: number }[];
  const problems = new Map<string, { from: string; to: string }[]>();
  for (const p of db.prepare('SELECT deployment_id AS id, problem_from AS "from", problem_to AS "to" FROM camera_problems').all() as { id: string; from: string; to: string }[]) {
    problems.set(p.id, [...(problems.get(p.id) ?? []), { from: p.from, to: p.to }]);
  }
  return deployments.map((d) => ({
    deploymentID: d.deploymentID,
    locationID: d.locationID,
    effort: count(effortInput({ ...d, datesOnly: d.datesOnly === 1 }, problems.get(d.deploymentID) ?? [])),
  }));
}
