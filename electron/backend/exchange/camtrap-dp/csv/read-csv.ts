import fs from 'node:fs';
import { parse } from 'csv-parse';

export interface CsvDialect {
  delimiter?: string;
  quoteChar?: string;
}

/**
 * The records of a CSV file, one array of cells each, header included, read as a stream so a
 * table of millions of rows never sits in memory. Records are what a spreadsheet calls rows: a
 * quoted cell may span lines. A byte-order mark is dropped; blank lines are skipped.
 */
export async function* readCsvRecords(file: string, dialect: CsvDialect = {}): AsyncGenerator<string[]> {
  const parser = fs.createReadStream(file).pipe(
    parse({
      bom: true,
      delimiter: dialect.delimiter ?? ',',
      quote: dialect.quoteChar ?? '"',
      relax_column_count: true,
      skip_empty_lines: true,
    }),
  );
  try {
    for await (const record of parser) yield record as string[];
  } finally {
    parser.destroy();
  }
}
