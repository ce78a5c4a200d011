import { checkValue } from './field-values.ts';
import type { ProblemList } from './problems.ts';
import { readCsvRecords, type CsvDialect } from '../csv/read-csv.ts';
import type { TableSchema } from '../spec/load-spec.ts';

/** The values of a table's columns that other tables refer to (deploymentID, mediaID). */
export type KeyValues = Map<string, Set<string>>;

/** A row as the later checks see it: a cell by column name, null where it is missing. */
export type RowReader = (column: string) => string | null;

export interface TableCheck {
  /** The name a person sees: media.csv. */
  name: string;
  files: string[];
  schema: TableSchema;
  dialect?: CsvDialect;
  problems: ProblemList;
  /** The key values of the tables checked before, by resource name. */
  referenced: Map<string, { name: string; keys: KeyValues }>;
  /** Columns whose values later tables refer to. */
  keep: string[];
  inspect?: (row: RowReader, rowNumber: number) => void;
  signal?: AbortSignal;
  onRows?: (rows: number) => void;
}

const listOf = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const shown = (value: string): string => (value.length > 80 ? `${value.slice(0, 77)}…` : value);

function checkHeader(check: TableCheck, header: string[]): void {
  const { name: file, schema, problems } = check;
  const expected = schema.fields.map((f) => f.name);
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) problems.add('table-column-duplicate', { file, column });
    seen.add(column);
  }
  const missing = expected.filter((c) => !seen.has(c));
  const extra = header.filter((c) => !expected.includes(c));
  for (const column of missing) problems.add('table-column-missing', { file, column });
  for (const column of extra) problems.add('table-column-extra', { file, column });
  if (missing.length === 0 && extra.length === 0 && header.some((c, i) => c !== expected[i])) {
    problems.add('table-columns-out-of-order', { file, expected: expected.join(', ') });
  }
}

/**
 * Checks one CSV resource against its table schema: the header is exactly the schema's
 * columns in order, every cell has the field's type, format and constraints, unique columns
 * and the primary key hold no value twice, and foreign keys point to rows that exist.
 */
export async function checkTable(check: TableCheck): Promise<{ rows: number; keys: KeyValues }> {
  const { name: file, schema, problems } = check;
  const keys: KeyValues = new Map(check.keep.map((c) => [c, new Set<string>()]));
  const primaryKey = listOf(schema.primaryKey);
  const uniqueColumns = schema.fields.filter((f) => f.constraints.unique && !(primaryKey.length === 1 && primaryKey[0] === f.name)).map((f) => [f.name]);
  const uniqueSets = [...(primaryKey.length > 0 ? [primaryKey] : []), ...uniqueColumns].map((columns) => ({ columns, seen: new Map<string, number>() }));
  const foreignKeys = schema.foreignKeys.map((fk) => ({ columns: listOf(fk.fields), target: check.referenced.get(fk.reference.resource), targetColumns: listOf(fk.reference.fields) }));
  let rows = 0;
  for (const csvFile of check.files) {
    let header: string[] | null = null;
    let index = new Map<string, number>();
    let rowNumber = 0;
    try {
      for await (const record of readCsvRecords(csvFile, check.dialect)) {
        rowNumber += 1;
        if (!header) {
          header = record;
          index = new Map(header.map((c, i) => [c, i]));
          checkHeader(check, header);
          continue;
        }
        rows += 1;
        if (record.length !== header.length) problems.add('table-row-wrong-length', { file, row: rowNumber, found: record.length, expected: header.length });
        const cell: RowReader = (column) => {
          const i = index.get(column);
          const text = i === undefined ? undefined : record[i];
          return text === undefined || schema.missingValues.includes(text) ? null : text;
        };
        for (const field of schema.fields) {
          if (!index.has(field.name)) continue;
          const text = cell(field.name);
          if (text === null) {
            if (field.constraints.required || primaryKey.includes(field.name)) problems.add('table-value-missing', { file, row: rowNumber, column: field.name });
            continue;
          }
          const finding = checkValue(field, text);
          if (finding) problems.add(finding.key, { file, row: rowNumber, column: field.name, value: shown(text), ...finding.values });
        }
        for (const u of uniqueSets) {
          const values = u.columns.map(cell);
          if (values.some((v) => v === null)) continue;
          const joined = values.join('\u0000');
          const first = u.seen.get(joined);
          if (first === undefined) u.seen.set(joined, rowNumber);
          else problems.add('table-value-duplicate', { file, row: rowNumber, column: u.columns.join(', '), value: shown(values.join(', ')), firstRow: first });
        }
        for (const fk of foreignKeys) {
          if (!fk.target) continue;
          const values = fk.columns.map(cell);
          if (values.some((v) => v === null)) continue;
          const targetKeys = fk.target.keys.get(fk.targetColumns.join('\u0000'));
          const joined = values.join('\u0000');
          if (targetKeys && !targetKeys.has(joined)) {
            problems.add('table-foreign-key-missing', { file, row: rowNumber, column: fk.columns.join(', '), value: shown(joined), target: fk.target.name });
          }
        }
        for (const [column, set] of keys) {
          const value = cell(column);
          if (value !== null) set.add(value);
        }
        check.inspect?.(cell, rowNumber);
        if (rows % 1000 === 0) {
          check.onRows?.(rows);
          if (check.signal?.aborted) return { rows, keys };
        }
      }
    } catch (err) {
      problems.add('table-csv-unreadable', { file, row: rowNumber + 1, detail: shown((err as Error).message) });
      continue;
    }
    if (!header) problems.add('table-file-empty', { file });
  }
  check.onRows?.(rows);
  return { rows, keys };
}
