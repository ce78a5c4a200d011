import { z } from 'zod';
import type { DeploymentRow } from './deployments-csv/check-rows.ts';
import type { MachineSpecies } from '../../library/machine-species.ts';
import { method } from '../../rpc/define.ts';
import { chosenPath } from '../../rpc/paths.ts';
import { saying } from '../../rpc/saying.ts';

export type { DeploymentRow } from './deployments-csv/check-rows.ts';

/** record: camtrapR's record table; camop: its camera trap table for cameraOperation(); events: independent events per station and taxon with trap nights. */
export type CsvTable = 'record' | 'camop' | 'events';

export interface CsvExported {
  file: string;
  table: CsvTable;
  rows: number;
  columns: string[];
  /** The independence interval the record table was made with (the library's setting unless another was asked for). */
  independenceMinutes: number;
  /** camtrapR's deltaTimeComparedTo the record table was made with. */
  comparedTo: 'lastRecord' | 'lastIndependentRecord';
  /** Whether species include the machine's predictions nobody has labelled (the map's switch), and from what probability. */
  machineSpecies: MachineSpecies;
}

export interface DeploymentsCsvPreview {
  file: string;
  format: 'camtrap-dp' | 'stations';
  /** Columns the import does not use. */
  ignoredColumns: string[];
  /** The order of day and month the dates were read in. */
  dateOrder: 'dmy' | 'mdy';
  /** Every date reads either way: the user must say which comes first before importing. */
  dateOrderNeeded: boolean;
  /** latlon, or utm: eastings and northings the user gives the zone of. */
  coordinates: 'latlon' | 'utm';
  /** UTM coordinates and no zone chosen yet: the rows have no place until one is. */
  utmZoneNeeded: boolean;
  /** How many ProblemN_from/ProblemN_to pairs the table has. */
  problemColumns: number;
  rows: DeploymentRow[];
  /** Rows without problems, which an import adds; rows with problems. */
  good: number;
  bad: number;
  /** Locations the good rows add to the library. */
  newLocations: number;
}

export interface DeploymentsCsvImported {
  file: string;
  added: number;
  locationsAdded: number;
  /** Rows left out for their problems. */
  skipped: number;
  deploymentIDs: string[];
  /** Camera problem periods added with them. */
  problemsAdded: number;
}

const day = z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), saying('day-not-valid'));
const dateOrder = z.enum(['dmy', 'mdy']).optional();
const utmZone = z.object({ zone: z.number().int().min(1).max(60), hemisphere: z.enum(['north', 'south']) }).optional();
const csvFile = chosenPath('choose-deployments-csv');

export const camtraprMethods = {
  'exchange.exportCsv': method<CsvExported>()(
    z.object({
      table: z.enum(['record', 'camop', 'events']),
      file: chosenPath('choose-save-file'),
      from: day.optional(),
      to: day.optional(),
      /** For the record table: another interval than the library's, 0 for every record. */
      independenceMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
      /** Left out: the library's setting, the same rule its events use. */
      deltaTimeComparedTo: z.enum(['lastRecord', 'lastIndependentRecord']).optional(),
      /** For the record table: the detector's classes too, where nobody has named a species. */
      withDetections: z.boolean().default(false),
    }),
  ),
  /** A Camtrap DP deployments.csv or a camtrapR camera trap table, checked row by row; nothing is written. */
  'exchange.previewDeploymentsCsv': method<DeploymentsCsvPreview>()(z.object({ file: csvFile, dateOrder, utmZone })),
  'exchange.importDeploymentsCsv': method<DeploymentsCsvImported>()(z.object({ file: csvFile, dateOrder, utmZone, skipProblemRows: z.boolean().default(false) })),
} as const;
