import path from 'node:path';
import { cellTypes as c, RowCells } from './cells.ts';
import type { DeploymentRow, MediaRow, ObservationRow, PackageRows } from './package-rows.ts';
import { observationTypes } from './package-rows.ts';
import type { PackageDescriptor, TableFiles } from './read-descriptor.ts';
import { Problems, throwIfCancelled } from './refusal.ts';
import { readCsvRecords } from '../csv/read-csv.ts';

const required = {
  deployments: ['deploymentID', 'latitude', 'longitude', 'deploymentStart', 'deploymentEnd'],
  media: ['mediaID', 'deploymentID', 'timestamp', 'filePath', 'filePublic', 'fileMediatype'],
  observations: ['observationID', 'deploymentID', 'eventStart', 'eventEnd', 'observationLevel', 'observationType'],
} as const;

const deploymentColumns = new Set([
  'deploymentID',
  'locationID',
  'locationName',
  'latitude',
  'longitude',
  'deploymentStart',
  'deploymentEnd',
  'cameraID',
  'cameraModel',
  'cameraHeight',
  'baitUse',
  'deploymentComments',
]);

const observationColumns = new Set([
  'observationID',
  'deploymentID',
  'mediaID',
  'eventID',
  'eventStart',
  'eventEnd',
  'observationLevel',
  'observationType',
  'scientificName',
  'count',
  'bboxX',
  'bboxY',
  'bboxWidth',
  'bboxHeight',
  'classificationMethod',
  'classifiedBy',
  'classificationTimestamp',
  'classificationProbability',
]);

/** Every row of a table's files, read by column name; a row that cannot be read adds its problems and is left out. */
async function readTable<T>(table: TableFiles, columns: readonly string[], problems: Problems, signal: AbortSignal, toRow: (cells: RowCells, file: string, row: number) => T | null): Promise<T[]> {
  const rows: T[] = [];
  for (const csv of table.files) {
    const file = table.files.length === 1 ? table.name : path.basename(csv);
    let index: Map<string, number> | null = null;
    let row = 0;
    try {
      for await (const record of readCsvRecords(csv, table.dialect)) {
        row += 1;
        if (!index) {
          index = new Map(record.map((name, i) => [name.trim(), i]));
          const missing = columns.filter((name) => !index?.has(name));
          for (const column of missing) problems.push({ key: 'table-column-missing', values: { file, column } });
          if (missing.length > 0) break;
          continue;
        }
        const made = toRow(new RowCells(file, row, index, record, problems), file, row);
        if (made) rows.push(made);
        if (row % 5000 === 0) throwIfCancelled(signal);
      }
    } catch (err) {
      if (!(err instanceof Error) || err.name === 'PackageImportCancelled') throw err;
      problems.push({ key: 'table-csv-unreadable', values: { file, row: row + 1, detail: err.message.slice(0, 200) } });
    }
    if (!index) problems.push({ key: 'table-file-empty', values: { file } });
  }
  return rows;
}

function deploymentRow(r: RowCells, file: string, row: number): DeploymentRow | null {
  const deploymentID = r.read('deploymentID', c.text, true);
  const latitude = r.read('latitude', c.number(-90, 90), true);
  const longitude = r.read('longitude', c.number(-180, 180), true);
  const deploymentStart = r.read('deploymentStart', c.moment, true);
  const deploymentEnd = r.read('deploymentEnd', c.moment, true);
  const cameraHeight = r.read('cameraHeight', c.number(0, 1000));
  const baitUse = r.read('baitUse', c.boolean);
  if (!deploymentID || latitude == null || longitude == null || !deploymentStart || !deploymentEnd || cameraHeight === undefined || baitUse === undefined) return null;
  return {
    file,
    row,
    deploymentID,
    locationID: r.text('locationID'),
    locationName: r.text('locationName'),
    latitude,
    longitude,
    deploymentStart,
    deploymentEnd,
    cameraID: r.text('cameraID'),
    cameraModel: r.text('cameraModel'),
    cameraHeight,
    baitUse,
    deploymentComments: r.text('deploymentComments'),
    rest: r.rest(deploymentColumns),
  };
}

function mediaRow(r: RowCells, file: string, row: number): MediaRow | null {
  const mediaID = r.read('mediaID', c.text, true);
  const deploymentID = r.read('deploymentID', c.text, true);
  const timestamp = r.read('timestamp', c.moment, true);
  const filePath = r.read('filePath', c.text, true);
  const filePublic = r.read('filePublic', c.boolean, true);
  const fileMediatype = r.read('fileMediatype', c.text, true);
  const captureMethod = r.read('captureMethod', c.oneOf(['activityDetection', 'timeLapse']));
  const favorite = r.read('favorite', c.boolean);
  if (!mediaID || !deploymentID || !timestamp || !filePath || filePublic == null || !fileMediatype || captureMethod === undefined || favorite === undefined) return null;
  return {
    file,
    row,
    mediaID,
    deploymentID,
    captureMethod,
    timestamp,
    filePath: filePath.trim(),
    filePublic,
    fileName: r.text('fileName'),
    fileMediatype,
    exifData: r.text('exifData'),
    favorite,
    mediaComments: r.text('mediaComments'),
  };
}

function observationRow(r: RowCells, file: string, row: number): ObservationRow | null {
  const observationID = r.read('observationID', c.text, true);
  const deploymentID = r.read('deploymentID', c.text, true);
  const eventStart = r.read('eventStart', c.moment, true);
  const eventEnd = r.read('eventEnd', c.moment, true);
  const observationLevel = r.read('observationLevel', c.oneOf(['media', 'event']), true);
  const observationType = r.read('observationType', c.oneOf(observationTypes), true);
  const count = r.read('count', c.whole(1));
  const box = [r.read('bboxX', c.number(0, 1)), r.read('bboxY', c.number(0, 1)), r.read('bboxWidth', c.number(1e-15, 1)), r.read('bboxHeight', c.number(1e-15, 1))];
  const classificationMethod = r.read('classificationMethod', c.oneOf(['human', 'machine']));
  const classificationTimestamp = r.read('classificationTimestamp', c.moment);
  const classificationProbability = r.read('classificationProbability', c.number(0, 1));
  if (!observationID || !deploymentID || !eventStart || !eventEnd || !observationLevel || !observationType) return null;
  if (count === undefined || box.includes(undefined) || classificationMethod === undefined || classificationTimestamp === undefined || classificationProbability === undefined) return null;
  return {
    file,
    row,
    observationID,
    deploymentID,
    mediaID: r.text('mediaID'),
    eventID: r.text('eventID'),
    eventStart,
    eventEnd,
    observationLevel,
    observationType,
    scientificName: r.text('scientificName')?.trim() || null,
    count,
    // A box is all four numbers; a row with some of them is read as having none.
    bbox: box.every((v) => typeof v === 'number') ? (box as [number, number, number, number]) : null,
    classificationMethod,
    classifiedBy: r.text('classifiedBy'),
    classificationTimestamp,
    classificationProbability,
    rest: r.rest(observationColumns),
  };
}

/** The three tables as rows the import can place; the package is refused with every problem found. */
export async function readTables(descriptor: PackageDescriptor, signal: AbortSignal): Promise<PackageRows> {
  const problems = new Problems();
  const { tables } = descriptor;
  const rows: PackageRows = {
    deployments: await readTable(tables.deployments, required.deployments, problems, signal, deploymentRow),
    media: await readTable(tables.media, required.media, problems, signal, mediaRow),
    observations: await readTable(tables.observations, required.observations, problems, signal, observationRow),
  };
  problems.throwIfAny();
  return rows;
}
