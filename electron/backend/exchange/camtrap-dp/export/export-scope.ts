import { deploymentOffsetMinutes } from './camtrap-time.ts';
import type { Db } from '../../../library/db.ts';
import { localTimeToMs } from '../../../library/local-time.ts';
import { timeZoneAt } from '../../../library/time-zone.ts';
import { StationError } from '../../../rpc/envelope.ts';
import type { ExportOptions } from '../contract.ts';

export interface ScopedDeployment {
  deploymentID: string;
  locationID: string;
  locationName: string;
  latitude: number;
  longitude: number;
  deploymentStart: string;
  deploymentEnd: string;
  cameraID: string | null;
  cameraModel: string | null;
  cameraHeight: number | null;
  baitUse: number | null;
  deploymentComments: string | null;
  clockOffsetSeconds: number;
  /** The UTC offset its camera clock kept, in minutes. */
  offsetMinutes: number;
}

/** What an export covers: deployments, and a window of camera wall-clock time (inclusive days). */
export interface ExportScope {
  deployments: ScopedDeployment[];
  fromMs: number;
  /** Exclusive. */
  toMs: number;
  from: string | null;
  to: string | null;
}

const dayMs = 86_400_000;

/** An instant as the deployment's camera clock shows it. */
const wallClock = (iso: string, offsetMinutes: number): number => Date.parse(iso) + offsetMinutes * 60_000;

export function resolveScope(db: Db, options: Pick<ExportOptions, 'deploymentIDs' | 'from' | 'to'>): ExportScope {
  const fromMs = options.from ? localTimeToMs(`${options.from} 00:00:00`) : Number.MIN_SAFE_INTEGER;
  const toMs = options.to ? localTimeToMs(`${options.to} 00:00:00`) + dayMs : Number.MAX_SAFE_INTEGER;
  const rows = db
    .prepare(
      `SELECT d.deployment_id AS deploymentID, d.location_id AS locationID, l.name AS locationName, l.latitude, l.longitude,
              d.deployment_start AS deploymentStart, d.deployment_end AS deploymentEnd, d.camera_id AS cameraID, d.camera_model AS cameraModel,
              d.camera_height AS cameraHeight, d.bait_use AS baitUse, d.deployment_comments AS deploymentComments, d.clock_offset_s AS clockOffsetSeconds
       FROM deployments d JOIN locations l ON l.location_id = d.location_id ORDER BY d.deployment_start, d.deployment_id`,
    )
    .all() as Omit<ScopedDeployment, 'offsetMinutes'>[];
  const known = new Set(rows.map((r) => r.deploymentID));
  for (const id of options.deploymentIDs) if (!known.has(id)) throw new StationError('not-found', 'deployment-not-found', { deployment: id });
  const chosen = options.deploymentIDs.length > 0 ? new Set(options.deploymentIDs) : known;
  const deployments = rows
    .filter((d) => chosen.has(d.deploymentID))
    .map((d) => ({ ...d, offsetMinutes: deploymentOffsetMinutes(d.deploymentStart, timeZoneAt(d.latitude, d.longitude)) }))
    // A deployment belongs to a date range when its time at the station overlaps it.
    .filter((d) => wallClock(d.deploymentStart, d.offsetMinutes) < toMs && wallClock(d.deploymentEnd, d.offsetMinutes) >= fromMs);
  if (deployments.length === 0) throw new StationError('not-found', 'export-nothing-in-scope');
  return { deployments, fromMs, toMs, from: options.from ?? null, to: options.to ?? null };
}
