import path from 'node:path';
import { checkRows, type DeploymentRow } from './check-rows.ts';
import { needsOrder, ordersAllowed, type DateOrder } from './people-dates.ts';
import { readDeploymentsTable, type Table } from './read-table.ts';
import type { Db } from '../../../library/db.ts';
import { addDeployment } from '../../../library/deployments.ts';
import { addLocation } from '../../../library/locations.ts';
import { StationError } from '../../../rpc/envelope.ts';
import type { DeploymentsCsvImported, DeploymentsCsvPreview } from '../contract.ts';

/** The order of day and month the table's dates allow; null when every date could be read either way. */
function orderOf(table: Table, given: DateOrder | undefined): { order: DateOrder; needed: boolean } {
  if (given) return { order: given, needed: false };
  const values = table.rows.flatMap((r) => [r[table.columns.start ?? -1] ?? '', r[table.columns.end ?? -1] ?? '']).filter(needsOrder);
  if (values.length === 0) return { order: 'dmy', needed: false };
  const allowed = values.reduce<DateOrder[]>((left, v) => left.filter((o) => ordersAllowed(v).includes(o)), ['dmy', 'mdy']);
  if (allowed.length === 1) return { order: allowed[0] as DateOrder, needed: false };
  // Either way fits every date (or neither does): the user says which, the rows show what each gives.
  return { order: 'dmy', needed: allowed.length === 2 };
}

function prepare(db: Db, file: string, given: DateOrder | undefined) {
  const table = readDeploymentsTable(file);
  const { order, needed } = orderOf(table, given);
  return { table, order, needed, rows: checkRows(db, table, order) };
}

/** What importing the table would add, row by row, with each row's problems; nothing is written. */
export function previewDeploymentsCsv(db: Db, file: string, dateOrder: DateOrder | undefined): DeploymentsCsvPreview {
  const p = prepare(db, file, dateOrder);
  const good = p.rows.filter((r) => r.problems.length === 0);
  return {
    file,
    format: p.table.format,
    ignoredColumns: p.table.ignored,
    dateOrder: p.order,
    dateOrderNeeded: p.needed,
    rows: p.rows,
    good: good.length,
    bad: p.rows.length - good.length,
    newLocations: new Set(good.filter((r) => r.newLocation).map((r) => r.locationID)).size,
  };
}

function addRow(db: Db, r: DeploymentRow, added: Set<string>): void {
  if (r.newLocation && !added.has(r.locationID)) {
    addLocation(db, { locationID: r.locationID, locationName: r.locationName, latitude: r.latitude ?? 0, longitude: r.longitude ?? 0 });
    added.add(r.locationID);
  }
  addDeployment(db, {
    deploymentID: r.deploymentID,
    locationID: r.locationID,
    deploymentStart: r.deploymentStart ?? '',
    deploymentEnd: r.deploymentEnd ?? '',
    cameraID: r.cameraID,
    cameraModel: r.cameraModel,
    cameraHeight: r.cameraHeight,
    baitUse: r.baitUse,
    deploymentComments: r.deploymentComments,
  });
}

/**
 * The table's deployments (and the locations they need) in one transaction. A table with any
 * problem row changes nothing, unless the user chose to leave those rows out.
 */
export function importDeploymentsCsv(db: Db, file: string, dateOrder: DateOrder | undefined, skipProblemRows: boolean): DeploymentsCsvImported {
  const p = prepare(db, file, dateOrder);
  const name = path.basename(file);
  if (p.needed) throw new StationError('invalid-input', 'deployments-csv-date-order-needed', { file: name });
  const bad = p.rows.filter((r) => r.problems.length > 0);
  if (bad.length > 0 && !skipProblemRows) throw new StationError('invalid-input', 'deployments-csv-has-problems', { file: name, count: bad.length });
  const good = p.rows.filter((r) => r.problems.length === 0);
  if (good.length === 0) throw new StationError('invalid-input', 'deployments-csv-nothing-to-import', { file: name });
  const locations = new Set<string>();
  db.transaction(() => {
    for (const r of good) addRow(db, r, locations);
  })();
  return { file, added: good.length, locationsAdded: locations.size, skipped: bad.length, deploymentIDs: good.map((r) => r.deploymentID) };
}
