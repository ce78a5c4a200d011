import type { ActiveSpan } from './camtrapr-effort.ts';
import { range, nightsIn } from './date-range.ts';
import { deploymentEfforts, deploymentTimes } from './deployment-effort.ts';
import type { Db } from '../../library/db.ts';

export interface DeploymentEffortRow {
  deploymentID: string;
  locationID: string;
  locationName: string;
  /** dates: setup and retrieval days count half, problem days are whole days off (camtrapR's rule); times: the exact active time. */
  rule: 'dates' | 'times';
  /** camtrapR's surveyReport figures over the whole deployment. */
  calendarDays: number;
  activeDays: number;
  inactiveDays: number;
  trapNights: number;
  /** Trap nights inside the asked range: what relative abundance divides by. */
  trapNightsInRange: number;
  problems: number;
}

export interface EffortReport {
  from: string | null;
  to: string | null;
  deployments: DeploymentEffortRow[];
}

const twoDecimals = (v: number) => Math.round(v * 100) / 100;

/** Per deployment, the days and trap nights camtrapR's surveyReport would give, and the rule each figure used. */
export function effortReport(db: Db, from: string | undefined, to: string | undefined): EffortReport {
  const r = range(from, to);
  const names = new Map((db.prepare('SELECT location_id AS id, name FROM locations').all() as { id: string; name: string }[]).map((l) => [l.id, l.name]));
  const problems = new Map((db.prepare('SELECT deployment_id AS id, COUNT(*) AS n FROM camera_problems GROUP BY deployment_id').all() as { id: string; n: number }[]).map((p) => [p.id, p.n]));
  const rows = deploymentEfforts(db).map(({ deploymentID, locationID, effort }) => ({
    deploymentID,
    locationID,
    locationName: names.get(locationID) ?? locationID,
    rule: effort.rule,
    calendarDays: effort.calendarDays,
    activeDays: effort.activeDays,
    inactiveDays: effort.inactiveDays,
    trapNights: effort.trapNights,
    trapNightsInRange: twoDecimals(nightsIn(effort.active, r)),
    problems: problems.get(deploymentID) ?? 0,
  }));
  rows.sort((a, b) => a.locationName.localeCompare(b.locationName) || a.deploymentID.localeCompare(b.deploymentID));
  return { from: from ?? null, to: to ?? null, deployments: rows };
}

/** Each station's deployments: from setup to retrieval, and the stretches their cameras worked. */
export function stationTimes(db: Db): Map<string, { setupMs: number; retrievalMs: number; active: ActiveSpan[] }[]> {
  const out = new Map<string, { setupMs: number; retrievalMs: number; active: ActiveSpan[] }[]>();
  for (const { locationID, effort } of deploymentTimes(db)) out.set(locationID, [...(out.get(locationID) ?? []), { setupMs: effort.setupMs, retrievalMs: effort.retrievalMs, active: effort.active }]);
  return out;
}

/** Each station's working time: its deployments' active spans together. */
export function activeByLocation(db: Db): Map<string, ActiveSpan[]> {
  const out = new Map<string, ActiveSpan[]>();
  for (const d of deploymentTimes(db)) out.set(d.locationID, [...(out.get(d.locationID) ?? []), ...d.effort.active]);
  return out;
}

/** The rule each station's trap nights were counted by: dates (camtrapR's half days), times, or both where its deployments differ. */
export function rulesByLocation(db: Db): Map<string, 'dates' | 'times' | 'dates+times'> {
  const seen = new Map<string, Set<'dates' | 'times'>>();
  for (const d of deploymentTimes(db)) seen.set(d.locationID, (seen.get(d.locationID) ?? new Set()).add(d.effort.rule));
  return new Map([...seen].map(([id, rules]) => [id, rules.size === 2 ? 'dates+times' : ([...rules][0] ?? 'times')]));
}

/** Each deployment's working time. */
export function activeByDeployment(db: Db): Map<string, ActiveSpan[]> {
  return new Map(deploymentTimes(db).map((d) => [d.deploymentID, d.effort.active]));
}
