import { workingTime } from './camtrapr-effort.ts';
import { effortInput } from './deployment-effort.ts';
import type { Db } from '../../library/db.ts';
import { getDeployment } from '../../library/deployments.ts';
import { nowIso } from '../../library/ids.ts';
import { localTimeToMs } from '../../library/local-time.ts';
import { StationError } from '../../rpc/envelope.ts';

/** A time the camera did not work: station wall-clock days (YYYY-MM-DD, whole days) or times (YYYY-MM-DD HH:MM:SS). */
export interface CameraProblem {
  problemID: number;
  deploymentID: string;
  from: string;
  to: string;
  reason: string | null;
}

export interface ProblemInput {
  from: string;
  to: string;
  reason?: string | null | undefined;
}

const dayMs = 86_400_000;

/** '2009-05-12', '2009-05-12 08:30' or '2009-05-12T08:30:00' as stored: a day, or a time to the second. */
export function normalWallClock(value: string): string {
  const v = value.trim().replace('T', ' ');
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v) ? `${v}:00` : v;
}

/** The span a problem stands for: a day runs to the next midnight. */
function spanOf(from: string, to: string): { fromMs: number; toMs: number } {
  const fromMs = localTimeToMs(from.length === 10 ? `${from} 00:00:00` : from);
  const toMs = to.length === 10 ? localTimeToMs(`${to} 00:00:00`) + dayMs : localTimeToMs(to);
  return { fromMs, toMs };
}

export function listProblems(db: Db, deploymentID: string): CameraProblem[] {
  return db
    .prepare('SELECT problem_id AS problemID, deployment_id AS deploymentID, problem_from AS "from", problem_to AS "to", reason FROM camera_problems WHERE deployment_id = ? ORDER BY from_ms')
    .all(deploymentID) as CameraProblem[];
}

/** The deployment's effort with these problems must still make sense: inside setup and retrieval, ends after starts. */
function check(db: Db, deploymentID: string, problems: readonly { from: string; to: string }[]): void {
  workingTime(effortInput(getDeployment(db, deploymentID), problems));
}

export function addProblem(db: Db, deploymentID: string, input: ProblemInput): CameraProblem[] {
  const from = normalWallClock(input.from);
  const to = normalWallClock(input.to);
  check(db, deploymentID, [...listProblems(db, deploymentID), { from, to }]);
  const span = spanOf(from, to);
  db.prepare('INSERT INTO camera_problems (deployment_id, problem_from, problem_to, from_ms, to_ms, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    deploymentID,
    from,
    to,
    span.fromMs,
    span.toMs,
    input.reason?.trim() || null,
    nowIso(),
  );
  return listProblems(db, deploymentID);
}

function problemOwner(db: Db, problemID: number): string {
  const row = db.prepare('SELECT deployment_id AS id FROM camera_problems WHERE problem_id = ?').get(problemID) as { id: string } | undefined;
  if (!row) throw new StationError('not-found', 'camera-problem-not-found');
  return row.id;
}

export function updateProblem(db: Db, problemID: number, input: ProblemInput): CameraProblem[] {
  const deploymentID = problemOwner(db, problemID);
  const from = normalWallClock(input.from);
  const to = normalWallClock(input.to);
  check(db, deploymentID, [...listProblems(db, deploymentID).filter((p) => p.problemID !== problemID), { from, to }]);
  const span = spanOf(from, to);
  db.prepare('UPDATE camera_problems SET problem_from = ?, problem_to = ?, from_ms = ?, to_ms = ?, reason = ? WHERE problem_id = ?').run(
    from,
    to,
    span.fromMs,
    span.toMs,
    input.reason?.trim() || null,
    problemID,
  );
  return listProblems(db, deploymentID);
}

export function removeProblem(db: Db, problemID: number): CameraProblem[] {
  const deploymentID = problemOwner(db, problemID);
  db.prepare('DELETE FROM camera_problems WHERE problem_id = ?').run(problemID);
  return listProblems(db, deploymentID);
}
