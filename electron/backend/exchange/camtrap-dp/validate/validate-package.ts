import fs from 'node:fs';
import path from 'node:path';
import { checkTable, type KeyValues, type RowReader } from './check-table.ts';
import { checkDescriptor } from './descriptor-problems.ts';
import { checkGbifDescriptor, GbifOccurrences } from './gbif-needs.ts';
import { findTables } from './package-resources.ts';
import { ProblemList, type PackageProblem } from './problems.ts';
import { camtrapTables, type CamtrapSpec } from '../spec/load-spec.ts';

export type { PackageProblem } from './problems.ts';

export interface ValidateOptions {
  /** Also check what GBIF needs to publish the package (default true); an import of another tool's package may leave this out. */
  gbif?: boolean;
  /** Stops reading between rows; the list so far is returned. */
  signal?: AbortSignal;
  /** Rows read so far, over all tables. */
  onProgress?: (rowsRead: number) => void;
}

/** A datapackage.json larger than this is not a descriptor but an attack on the memory. */
const maxDescriptorBytes = 50 * 1024 * 1024;

function readDescriptor(folder: string, problems: ProblemList): Record<string, unknown> | null {
  const file = path.join(folder, 'datapackage.json');
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    problems.add('package-descriptor-missing', { file: 'datapackage.json', folder });
    return null;
  }
  if (!stat.isFile() || stat.size > maxDescriptorBytes) {
    problems.add('package-descriptor-unreadable', { file: 'datapackage.json', detail: stat.isFile() ? 'too large' : 'not a plain file' });
    return null;
  }
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.add('package-descriptor-unreadable', { file: 'datapackage.json', detail: 'not a JSON object' });
  } catch (err) {
    problems.add('package-descriptor-unreadable', { file: 'datapackage.json', detail: (err as Error).message.slice(0, 200) });
  }
  return null;
}

/** The columns of each table that a later table's foreign keys point to. */
function referencedColumns(spec: CamtrapSpec): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of camtrapTables) {
    for (const fk of spec.tables[t].foreignKeys) {
      const columns = Array.isArray(fk.reference.fields) ? fk.reference.fields : [fk.reference.fields];
      out.set(fk.reference.resource, [...(out.get(fk.reference.resource) ?? []), ...columns]);
    }
  }
  return out;
}

/**
 * Every problem of a Camtrap DP 1.0 to 1.0.2 package folder (datapackage.json and its CSV
 * files), in plain words with file, row and column; an empty list means the package is valid.
 */
export async function validatePackage(folder: string, spec: CamtrapSpec, options: ValidateOptions = {}): Promise<PackageProblem[]> {
  const problems = new ProblemList();
  const descriptor = readDescriptor(folder, problems);
  if (!descriptor) return problems.list();
  checkDescriptor(descriptor, spec, problems);
  const gbif = options.gbif ?? true;
  if (gbif) checkGbifDescriptor(descriptor, problems);
  const tables = findTables(folder, descriptor, problems);
  const keep = referencedColumns(spec);
  const referenced = new Map<string, { name: string; keys: KeyValues }>();
  const occurrences = new GbifOccurrences(descriptor);
  let rowsBefore = 0;
  for (const table of camtrapTables) {
    const files = tables[table];
    if (!files || options.signal?.aborted) continue;
    const inspect =
      table === 'observations'
        ? (row: RowReader, rowNumber: number) => {
            occurrences.inspect(row);
            if (row('observationLevel') === 'media' && row('mediaID') === null) problems.add('observation-media-level-without-media', { file: files.name, row: rowNumber });
          }
        : undefined;
    const { rows, keys } = await checkTable({
      ...files,
      schema: spec.tables[table],
      problems,
      referenced,
      keep: keep.get(table) ?? [],
      ...(inspect ? { inspect } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onRows: (n) => options.onProgress?.(rowsBefore + n),
    });
    rowsBefore += rows;
    referenced.set(table, { name: files.name, keys });
  }
  if (gbif && tables.observations) occurrences.report(problems, tables.observations.name);
  return problems.list();
}
