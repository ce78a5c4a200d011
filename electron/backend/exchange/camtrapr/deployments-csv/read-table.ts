import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { StationError } from '../../../rpc/envelope.ts';

/** The fields a deployments table may give, whatever its columns are called. */
export type Field =
  | 'deploymentID'
  | 'locationID'
  | 'station'
  | 'latitude'
  | 'longitude'
  | 'easting'
  | 'northing'
  | 'start'
  | 'end'
  | 'cameraID'
  | 'cameraModel'
  | 'cameraHeight'
  | 'baitUse'
  | 'comments';

/**
 * Column names as Camtrap DP's deployments.csv has them, and as people name a station table
 * (camtrapR's Station, Setup_date, Retrieval_date among them); compared without case, spaces or punctuation.
 */
const names: Record<Field, string[]> = {
  deploymentID: ['deploymentid', 'deployment'],
  locationID: ['locationid'],
  station: ['station', 'stationname', 'stationid', 'site', 'sitename', 'location', 'locationname', 'camerastation', 'trap', 'trapstation'],
  latitude: ['latitude', 'lat', 'decimallatitude'],
  longitude: ['longitude', 'lon', 'long', 'lng', 'decimallongitude'],
  easting: ['utmx', 'utme', 'easting', 'utmeasting', 'x'],
  northing: ['utmy', 'utmn', 'northing', 'utmnorthing', 'y'],
  start: ['deploymentstart', 'setup', 'setupdate', 'setupdatetime', 'start', 'startdate', 'deployed', 'deploymentdate'],
  end: ['deploymentend', 'retrieval', 'retrievaldate', 'retrievaldatetime', 'end', 'enddate', 'retrieved'],
  cameraID: ['cameraid', 'camera', 'cameraserial', 'serial'],
  cameraModel: ['cameramodel', 'model'],
  cameraHeight: ['cameraheight', 'height'],
  baitUse: ['baituse', 'bait'],
  comments: ['deploymentcomments', 'comments', 'comment', 'notes', 'remarks'],
};

const fold = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface Table {
  /** camtrap-dp when the columns are those of a Camtrap DP deployments.csv, stations for a plain station table. */
  format: 'camtrap-dp' | 'stations';
  columns: Partial<Record<Field, number>>;
  /** The header as written, to name columns in messages. */
  header: string[];
  /** camtrapR's ProblemN_from / ProblemN_to pairs, in order of N. */
  problems: { from: number; to: number }[];
  /** Coordinates as latitude and longitude, or as UTM easting and northing in a zone the user gives. */
  coordinates: 'latlon' | 'utm';
  ignored: string[];
  rows: string[][];
}

/** A spreadsheet saved as CSV in many countries uses semicolons; some tools use tabs. */
function delimiterOf(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0]?.d ?? ',';
}

const maxRows = 10_000;

/** A deployments table, its columns recognised; a missing column the import needs is an error that names it. */
export function readDeploymentsTable(file: string): Table {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StationError('not-found', 'deployments-csv-missing', { file });
    throw new StationError('invalid-input', 'deployments-csv-unreadable', { file, detail: code ?? 'error' });
  }
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text.split(/\r?\n/, 1)[0] ?? ''), relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw new StationError('invalid-input', 'deployments-csv-unreadable', { file, detail: (err as Error).message });
  }
  const [header = [], ...rows] = records;
  if (rows.length > maxRows) throw new StationError('invalid-input', 'deployments-csv-too-long', { file: path.basename(file), count: rows.length, limit: maxRows });
  const columns: Partial<Record<Field, number>> = {};
  const used = new Set<number>();
  for (const field of Object.keys(names) as Field[]) {
    for (const candidate of names[field]) {
      const at = header.findIndex((h, i) => !used.has(i) && fold(h) === candidate);
      if (at !== -1) {
        columns[field] = at;
        used.add(at);
        break;
      }
    }
  }
  const problemColumns = new Map<number, { from?: number; to?: number }>();
  header.forEach((h, i) => {
    const m = /^problem(\d{1,3})(from|to)$/.exec(fold(h));
    if (!m || used.has(i)) return;
    const pair = problemColumns.get(Number(m[1])) ?? {};
    pair[m[2] as 'from' | 'to'] = i;
    problemColumns.set(Number(m[1]), pair);
    used.add(i);
  });
  const shown = path.basename(file);
  const problems = [...problemColumns.entries()].sort((a, b) => a[0] - b[0]).map(([n, pair]) => {
    if (pair.from === undefined || pair.to === undefined) throw new StationError('invalid-input', 'deployments-csv-column-missing', { file: shown, column: `Problem${n}_${pair.from === undefined ? 'from' : 'to'}` });
    return { from: pair.from, to: pair.to };
  });
  const coordinates = columns.latitude === undefined && columns.longitude === undefined && columns.easting !== undefined && columns.northing !== undefined ? 'utm' : 'latlon';
  const needed = coordinates === 'utm' ? (['start', 'end'] as const) : (['latitude', 'longitude', 'start', 'end'] as const);
  const labels = { latitude: 'latitude', longitude: 'longitude', start: 'deploymentStart / Setup', end: 'deploymentEnd / Retrieval' };
  for (const [field, label] of needed.map((f) => [f, labels[f]] as const)) {
    if (columns[field] === undefined) throw new StationError('invalid-input', 'deployments-csv-column-missing', { file: shown, column: label });
  }
  if (columns.station === undefined && columns.locationID === undefined) throw new StationError('invalid-input', 'deployments-csv-column-missing', { file: shown, column: 'locationName / Station' });
  const format = header.includes('deploymentID') && header.includes('deploymentStart') ? 'camtrap-dp' : 'stations';
  return { format, columns, header, problems, coordinates, ignored: header.filter((_, i) => !used.has(i) && header[i] !== ''), rows };
}
