import fs from 'node:fs';

export type Cell = string | number | boolean | null | undefined;

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; null is an empty cell. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file written row by row, in batches, so that a table of a million rows never sits in memory. */
export class CsvWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  rows = 0;

  constructor(
    file: string,
    readonly columns: readonly string[],
  ) {
    this.fd = fs.openSync(file, 'wx');
    this.buffer.push(columns.map(csvCell).join(','));
  }

  /** A row by column name; columns it does not name stay empty, names it has beyond the columns are an error of the caller. */
  write(row: Record<string, Cell>): void {
    this.buffer.push(this.columns.map((c) => csvCell(row[c])).join(','));
    this.rows += 1;
    if (this.buffer.length >= 1000) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}
