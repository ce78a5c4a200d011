import path from 'node:path';
import { checkRows, type DeploymentRow } from './check-rows.ts';
import { needsOrder, ordersAllowed, type DateOrder } from './people-dates.ts';
import { readDeploymentsTable, type Table } from './read-table.ts';
import type { UtmZone } from './utm-to-latlon.ts';
import { addProblem } from '../../../analysis/effort/camera-problems.ts';
import type { Db } from '../../../library/db.ts';
import { addDeployment } from '../../../library/deployments.ts';
import { addLocation } from '../../../library/locations.ts';
import { StationError } from '../../../rpc/envelope.ts';
import type { DeploymentsCsvImported, DeploymentsCsvPreview } from '../contract.ts';

/** The order of day and month the table's dates allow; null when every date could be read either way. */
function orderOf(table: Table, given: DateOrder | undefined): { order: DateOrder; needed: boolean } {
  if (given) return { order: given, needed: false };
  const dateColumns = [table.columns.start ?? -1, table.columns.end ?? -1, ...table.problems.flatMap((p) => [p.from, p.to])];
  const values = table.rows.flatMap((r) => dateColumns.map((at) => r[at] ?? '')).filter(needsOrder);
  if (values.length === 0) return { order: 'dmy', needed: false };
  const allowed = values.reduce<DateOrder[]>((left, v) => left.filter((o) => ordersAllowed(v).includes(o)), ['dmy', 'mdy']);
  if (allowed.length === 1) return { order: allowed[0] as DateOrder, needed: false };
  // Either way fits every date (or neither does): the user says which, the rows show what each gives.
  return { order: 'dmy', needed: allowed.length === 2 };
}

export interface TableChoices {
  dateOrder?: DateOrder | undefined;
  /** The zone of a table whose coordinates are UTM eastings and northings. */
  utmZone?: UtmZone | undefined;
}

function prepare(db: Db, file: string, choices: TableChoices) {
  const table = readDeploymentsTable(file);
  const { order, needed } = orderOf(table, choices.dateOrder);
  return { table, order, needed, rows: checkRows(db, table, order, choices.utmZone) };
}

/** What importing the table would add, row by row, with each row's problems; nothing is written. */
export function previewDeploymentsCsv(db: Db, file: string, choices: TableChoices): DeploymentsCsvPreview {
  const p = prepare(db, file, choices);
  const good = p.rows.filter((r) => r.problems.length === 0);
  return {
    file,
    format: p.table.format,
    ignoredColumns: p.table.ignored,
    dateOrder: p.order,
    dateOrderNeeded: p.needed,
    coordinates: p.table.coordinates,
    utmZoneNeeded: p.table.coordinates === 'utm' && !choices.utmZone,
    problemColumns: p.table.problems.length,
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
    datesOnly: r.datesOnly,
  });
  for (const problem of r.cameraProblems) addProblem(db, r.deploymentID, problem);
}

/**
 * The table's deployments (and the locations they need) in one transaction. A table with any
 * problem row changes nothing, unless the user chose to leave those rows out.
 */
export function importDeploymentsCsv(db: Db, file: string, choices: TableChoices, skipProblemRows: boolean): DeploymentsCsvImported {
  const p = prepare(db, file, choices);
  const name = path.basename(file);
  if (p.needed) throw new StationError('invalid-input', 'deployments-csv-date-order-needed', { file: name });
  if (p.table.coordinates === 'utm' && !choices.utmZone) throw new StationError('invalid-input', 'deployments-csv-utm-zone-needed', { file: name });
  const bad = p.rows.filter((r) => r.problems.length > 0);
  if (bad.length > 0 && !skipProblemRows) throw new StationError('invalid-input', 'deployments-csv-has-problems', { file: name, count: bad.length });
  const good = p.rows.filter((r) => r.problems.length === 0);
  if (good.length === 0) throw new StationError('invalid-input', 'deployments-csv-nothing-to-import', { file: name });
  const locations = new Set<string>();
  db.transaction(() => {
    for (const r of good) addRow(db, r, locations);
  })();
  return {
    file,
    added: good.length,
    locationsAdded: locations.size,
    skipped: bad.length,
    deploymentIDs: good.map((r) => r.deploymentID),
    problemsAdded: good.reduce((n, r) => n + r.cameraProblems.length, 0),
  };
}
