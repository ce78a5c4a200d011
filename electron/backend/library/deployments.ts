import type { Deployment, NewDeployment } from './contract.ts';
import type { Db } from './db.ts';
import { newShortId, nowIso } from './ids.ts';
import { recomputeEvents } from './independent-events.ts';
import { recomputeTimestamps } from './media-times.ts';
import { StationError } from '../rpc/envelope.ts';

const selectDeployment = `
  SELECT d.deployment_id AS deploymentID, d.location_id AS locationID, l.name AS locationName,
         l.latitude, l.longitude, d.deployment_start AS deploymentStart, d.deployment_end AS deploymentEnd,
         d.camera_id AS cameraID, d.camera_model AS cameraModel, d.camera_height AS cameraHeight,
         d.bait_use AS baitUse, d.deployment_comments AS deploymentComments, d.clock_offset_s AS clockOffsetSeconds,
         (SELECT COUNT(*) FROM media m WHERE m.deployment_id = d.deployment_id) AS mediaCount
  FROM deployments d JOIN locations l ON l.location_id = d.location_id`;

interface DeploymentRow extends Omit<Deployment, 'baitUse'> {
  baitUse: number | null;
}

function fromRow(row: DeploymentRow): Deployment {
  return { ...row, baitUse: row.baitUse === null ? null : row.baitUse === 1 };
}

export function listDeployments(db: Db): Deployment[] {
  return (db.prepare(`${selectDeployment} ORDER BY d.deployment_start`).all() as DeploymentRow[]).map(fromRow);
}

export function getDeployment(db: Db, deploymentID: string): Deployment {
  const row = db.prepare(`${selectDeployment} WHERE d.deployment_id = ?`).get(deploymentID) as DeploymentRow | undefined;
  if (!row) throw new StationError('not-found', `There is no deployment ${deploymentID} in this library.`);
  return fromRow(row);
}

export function addDeployment(db: Db, input: NewDeployment): Deployment {
  const id = input.deploymentID ?? newShortId();
  if (!db.prepare('SELECT 1 FROM locations WHERE location_id = ?').get(input.locationID)) {
    throw new StationError('not-found', `There is no location ${input.locationID}: add the location first.`);
  }
  if (db.prepare('SELECT 1 FROM deployments WHERE deployment_id = ?').get(id)) {
    throw new StationError('conflict', `A deployment with ID ${id} already exists.`);
  }
  if (Date.parse(input.deploymentEnd) < Date.parse(input.deploymentStart)) {
    throw new StationError('invalid-input', 'The deployment ends before it starts: check the two dates.');
  }
  db.prepare(
    `INSERT INTO deployments (deployment_id, location_id, deployment_start, deployment_end, camera_id, camera_model,
       camera_height, bait_use, deployment_comments, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.locationID,
    input.deploymentStart,
    input.deploymentEnd,
    input.cameraID ?? null,
    input.cameraModel ?? null,
    input.cameraHeight ?? null,
    input.baitUse === undefined || input.baitUse === null ? null : input.baitUse ? 1 : 0,
    input.deploymentComments ?? null,
    nowIso(),
  );
  return getDeployment(db, id);
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
