import type { PackageRows } from './package-rows.ts';
import { Problems } from './refusal.ts';
import type { Db } from '../../../library/db.ts';

interface Keyed {
  file: string;
  row: number;
}

/** Rows by their ID; a second row with the same ID is a problem. */
function uniqueBy<T extends Keyed>(rows: T[], column: string, id: (r: T) => string, problems: Problems): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const first = out.get(id(r));
    if (first) problems.push({ key: 'table-value-duplicate', values: { file: r.file, row: r.row, column, value: id(r), firstRow: first.row } });
    else out.set(id(r), r);
  }
  return out;
}

/**
 * What the package's own tables must agree on (one row per ID, references that lead somewhere,
 * a deployment that ends after it starts) and what must not clash with the library: an ID the
 * library already has is reported, never overwritten.
 */
export function checkRows(db: Db, rows: PackageRows): void {
  const problems = new Problems();
  const deployments = uniqueBy(rows.deployments, 'deploymentID', (d) => d.deploymentID, problems);
  const media = uniqueBy(rows.media, 'mediaID', (m) => m.mediaID, problems);
  uniqueBy(rows.observations, 'observationID', (o) => o.observationID, problems);

  for (const d of rows.deployments) {
    if (d.deploymentEnd.ms < d.deploymentStart.ms) problems.push({ key: 'package-import-deployment-ends-before-start', values: { file: d.file, row: d.row, deployment: d.deploymentID } });
  }
  const unknown = (r: Keyed, column: string, value: string, target: string) => problems.push({ key: 'table-foreign-key-missing', values: { file: r.file, row: r.row, column, value, target } });
  for (const m of rows.media) {
    if (!deployments.has(m.deploymentID)) unknown(m, 'deploymentID', m.deploymentID, 'deployments');
  }
  for (const o of rows.observations) {
    if (!deployments.has(o.deploymentID)) unknown(o, 'deploymentID', o.deploymentID, 'deployments');
    if (o.mediaID === null) continue;
    const medium = media.get(o.mediaID);
    if (!medium) unknown(o, 'mediaID', o.mediaID, 'media');
    else if (medium.deploymentID !== o.deploymentID) {
      problems.push({ key: 'package-import-observation-media-elsewhere', values: { file: o.file, row: o.row, media: o.mediaID, deployment: o.deploymentID } });
    }
  }

  const deploymentTaken = db.prepare('SELECT 1 FROM deployments WHERE deployment_id = ?').pluck();
  for (const d of deployments.values()) if (deploymentTaken.get(d.deploymentID)) problems.push({ key: 'package-import-deployment-taken', values: { deployment: d.deploymentID } });
  const mediaTaken = db.prepare('SELECT 1 FROM package_media WHERE media_id = ?').pluck();
  for (const m of media.values()) if (mediaTaken.get(m.mediaID)) problems.push({ key: 'package-import-media-taken', values: { media: m.mediaID } });
  const observationTaken = db.prepare('SELECT 1 FROM package_observations WHERE observation_id = ?').pluck();
  for (const o of rows.observations) if (observationTaken.get(o.observationID)) problems.push({ key: 'package-import-observation-taken', values: { observation: o.observationID } });
  problems.throwIfAny();
}
