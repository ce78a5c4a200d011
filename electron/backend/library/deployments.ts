import type { Deployment, DeploymentChanges, NewDeployment } from './contract.ts';
import type { Db } from './db.ts';
import { newShortId, nowIso } from './ids.ts';
import { recomputeEvents } from './independent-events.ts';
import { msToLocalTime, wallClockMs } from './local-time.ts';
import { getLocation } from './locations.ts';
import { recomputeTimestamps } from './media-times.ts';
import { timeZoneAt } from './time-zone.ts';
import { StationError } from '../rpc/envelope.ts';

const selectDeployment = `
  SELECT d.deployment_id AS deploymentID, d.location_id AS locationID, l.name AS locationName,
         l.latitude, l.longitude, d.deployment_start AS deploymentStart, d.deployment_end AS deploymentEnd,
         d.camera_id AS cameraID, d.camera_model AS cameraModel, d.camera_height AS cameraHeight,
         d.bait_use AS baitUse, d.deployment_comments AS deploymentComments, d.clock_offset_s AS clockOffsetSeconds, d.dates_only AS datesOnly,
         (SELECT COUNT(*) FROM media m WHERE m.deployment_id = d.deployment_id) AS mediaCount
  FROM deployments d JOIN locations l ON l.location_id = d.location_id`;

interface DeploymentRow extends Omit<Deployment, 'baitUse' | 'timeZone' | 'datesOnly'> {
  baitUse: number | null;
  datesOnly: number;
}

function fromRow(row: DeploymentRow): Deployment {
  return { ...row, timeZone: timeZoneAt(row.latitude, row.longitude), baitUse: row.baitUse === null ? null : row.baitUse === 1, datesOnly: row.datesOnly === 1 };
}

function bait(baitUse: boolean | null | undefined): number | null {
  return baitUse === undefined || baitUse === null ? null : baitUse ? 1 : 0;
}

function checkOrder(start: string, end: string): void {
  if (Date.parse(end) < Date.parse(start)) throw new StationError('invalid-input', 'deployment-ends-before-start');
}

export function listDeployments(db: Db): Deployment[] {
  return (db.prepare(`${selectDeployment} ORDER BY d.deployment_start`).all() as DeploymentRow[]).map(fromRow);
}

export function getDeployment(db: Db, deploymentID: string): Deployment {
  const row = db.prepare(`${selectDeployment} WHERE d.deployment_id = ?`).get(deploymentID) as DeploymentRow | undefined;
  if (!row) throw new StationError('not-found', 'deployment-not-found', { deployment: deploymentID });
  return fromRow(row);
}

export function addDeployment(db: Db, input: NewDeployment): Deployment {
  const id = input.deploymentID ?? newShortId();
  getLocation(db, input.locationID);
  if (db.prepare('SELECT 1 FROM deployments WHERE deployment_id = ?').get(id)) {
    throw new StationError('conflict', 'deployment-id-taken', { deployment: id });
  }
  checkOrder(input.deploymentStart, input.deploymentEnd);
  db.prepare(
    `INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, camera_id, camera_model,
       camera_height, bait_use, deployment_comments, dates_only, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.locationID,
    input.deploymentStart,
    input.deploymentEnd,
    input.cameraID ?? null,
    input.cameraModel ?? null,
    input.cameraHeight ?? null,
    bait(input.baitUse),
    input.deploymentComments ?? null,
    input.datesOnly ? 1 : 0,
    nowIso(),
  );
  return getDeployment(db, id);
}

/**
 * Media are filed under their deployment by its dates: new dates must still hold every one of
 * them, compared as the media are, in camera wall-clock time after the clock offset.
 */
function checkHoldsMedia(db: Db, deploymentID: string, start: string, end: string): void {
  const span = db.prepare('SELECT COUNT(*) AS count, MIN(timestamp_ms) AS first, MAX(timestamp_ms) AS last FROM media WHERE deployment_id = ?').get(deploymentID) as {
    count: number;
    first: number | null;
    last: number | null;
  };
  if (span.count === 0 || span.first === null || span.last === null) return;
  if (wallClockMs(start) <= span.first && span.last <= wallClockMs(end)) return;
  throw new StationError('invalid-input', 'dates-leave-out-media', { deployment: deploymentID, count: span.count, first: msToLocalTime(span.first), last: msToLocalTime(span.last) });
}

const dayMs = 86_400_000;

/** The camera's problem periods must stay between setup and retrieval, to the day. */
function checkHoldsProblems(db: Db, deploymentID: string, start: string, end: string): void {
  const first = Math.floor(wallClockMs(start) / dayMs) * dayMs;
  const last = Math.floor(wallClockMs(end) / dayMs) * dayMs + dayMs;
  const count = db.prepare('SELECT COUNT(*) FROM camera_problems WHERE deployment_id = ? AND (from_ms < ? OR to_ms > ?)').pluck().get(deploymentID, first, last) as number;
  if (count > 0) throw new StationError('invalid-input', 'dates-leave-out-problems', { deployment: deploymentID, count });
}

/** Left-out fields stay as they are; the clock offset is changed on its own (setClockOffset). */
export function updateDeployment(db: Db, changes: DeploymentChanges): Deployment {
  const current = getDeployment(db, changes.deploymentID);
  if (changes.locationID !== undefined) getLocation(db, changes.locationID);
  const start = changes.deploymentStart ?? current.deploymentStart;
  const end = changes.deploymentEnd ?? current.deploymentEnd;
  checkOrder(start, end);
  if (start !== current.deploymentStart || end !== current.deploymentEnd) {
    checkHoldsMedia(db, current.deploymentID, start, end);
    checkHoldsProblems(db, current.deploymentID, start, end);
  }
  const kept = <T>(value: T | undefined, was: T): T => (value === undefined ? was : value);
  db.prepare(
    `UPDATE deployments SET location_id = ?, deployment_start = ?, deployment_end = ?, camera_id = ?, camera_model = ?,
       camera_height = ?, bait_use = ?, deployment_comments = ?, dates_only = ? WHERE deployment_id = ?`,
  ).run(
    changes.locationID ?? current.locationID,
    start,
    end,
    kept(changes.cameraID, current.cameraID),
    kept(changes.cameraModel, current.cameraModel),
    kept(changes.cameraHeight, current.cameraHeight),
    changes.baitUse === undefined ? bait(current.baitUse) : bait(changes.baitUse),
    kept(changes.deploymentComments, current.deploymentComments),
    kept(changes.datesOnly, current.datesOnly) ? 1 : 0,
    current.deploymentID,
  );
  return getDeployment(db, current.deploymentID);
}

/**
 * Only a deployment without media: its pictures would otherwise lose their place, date and
 * camera. Imports that brought nothing into it go with it.
 */
export function deleteDeployment(db: Db, deploymentID: string): void {
  const deployment = getDeployment(db, deploymentID);
  if (deployment.mediaCount > 0) throw new StationError('conflict', 'deployment-holds-media', { deployment: deploymentID, count: deployment.mediaCount });
  if (db.prepare("SELECT 1 FROM imports WHERE deployment_id = ? AND state = 'running'").get(deploymentID)) {
    throw new StationError('busy', 'deployment-import-running', { deployment: deploymentID });
  }
  db.transaction(() => {
    db.prepare('DELETE FROM events WHERE deployment_id = ?').run(deploymentID);
    db.prepare('DELETE FROM imports WHERE deployment_id = ?').run(deploymentID);
    db.prepare('DELETE FROM deployments WHERE deployment_id = ?').run(deploymentID);
  })();
}

/** Camera clocks drift or are set wrong: the offset shifts every time; originals are kept. */
export function setClockOffset(db: Db, deploymentID: string, offsetSeconds: number): Deployment {
  getDeployment(db, deploymentID);
  db.transaction(() => {
    db.prepare('UPDATE deployments SET clock_offset_s = ? WHERE deployment_id = ?').run(offsetSeconds, deploymentID);
    recomputeTimestamps(db, deploymentID);
    recomputeEvents(db, deploymentID);
  })();
  return getDeployment(db, deploymentID);
}
