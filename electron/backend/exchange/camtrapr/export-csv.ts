import { cameraOperation } from './camera-operation.ts';
import type { CsvExported, CsvTable } from './contract.ts';
import { writeCsvFile, type CsvValue } from './csv-file.ts';
import { recordColumns, recordTable } from './record-table.ts';
import { eventColumns, stationEvents } from './station-events.ts';
import { machineSpecies } from '../../library/machine-species.ts';
import type { Library } from '../../library/open-library.ts';
import { getNumberSetting, independenceComparedTo } from '../../library/settings.ts';

export interface CsvRequest {
  table: CsvTable;
  file: string;
  from?: string;
  to?: string;
  independenceMinutes?: number;
  deltaTimeComparedTo?: 'lastRecord' | 'lastIndependentRecord' | undefined;
  withDetections: boolean;
}

/** One of the tables R users load into camtrapR, written to a CSV file. */
export function exportCsv(library: Library, request: CsvRequest): CsvExported {
  const { db } = library;
  const setting = getNumberSetting(db, 'independenceMinutes');
  const minutes = request.table === 'record' ? (request.independenceMinutes ?? setting) : setting;
  const days = { from: request.from, to: request.to };
  let columns: readonly string[];
  let rows: CsvValue[][];
  if (request.table === 'record') {
    columns = recordColumns;
    rows = recordTable(db, library.paths.root, { ...days, minDeltaMinutes: minutes, comparedTo: request.deltaTimeComparedTo ?? independenceComparedTo(db), withDetections: request.withDetections });
  } else if (request.table === 'camop') {
    ({ columns, rows } = cameraOperation(db, days));
  } else {
    columns = eventColumns;
    rows = stationEvents(db, days);
  }
  const file = writeCsvFile(request.file, columns, rows);
  return { file, table: request.table, rows: rows.length, columns: [...columns], independenceMinutes: minutes, comparedTo: request.deltaTimeComparedTo ?? independenceComparedTo(db), machineSpecies: machineSpecies(db) };
}
