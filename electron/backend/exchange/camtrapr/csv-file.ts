import fs from 'node:fs';
import path from 'node:path';
import { StationError } from '../../rpc/envelope.ts';

export type CsvValue = string | number | null;

/** RFC 4180: a field with a comma, a quote, a line break or spaces at its ends goes in quotes, its quotes doubled. */
export function csvField(value: CsvValue): string {
  if (value === null) return 'NA';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'NA') : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [columns, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/**
 * UTF-8 without a byte-order mark (R's read.csv would take it into the first column's name),
 * missing values as NA, written to a temporary name and renamed: a reader never sees half a file.
 */
export function writeCsvFile(file: string, columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const target = path.resolve(file);
  if (!fs.existsSync(path.dirname(target))) throw new StationError('not-found', 'folder-gone', { path: path.dirname(target) });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, csvText(columns, rows), 'utf8');
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new StationError('not-writable', 'csv-not-written', { file: target, code });
  }
  return target;
}
