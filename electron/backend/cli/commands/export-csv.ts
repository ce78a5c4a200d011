import path from 'node:path';
import { Command, Option } from 'commander';
import type { CsvTable } from '../../exchange/camtrapr/contract.ts';
import { libraryOption } from '../options.ts';
import { withLibrary } from './with-library.ts';

const describe: Record<CsvTable, string> = {
  record: "camtrapR's record table",
  camop: "camtrapR's camera trap table (read it with cameraOperation(..., dateFormat = \"ymd HMS\", hasProblems = TRUE))",
  events: 'independent events per station and taxon with trap nights',
};

export function registerExportCsvCommand(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('export-csv')
      .description('write a table for R: camtrapR record table, camera operation table, or events per station and taxon with trap nights')
      .argument('<file>', 'the CSV file to write')
      .addOption(libraryOption())
      .addOption(new Option('--table <table>', 'which table').choices(['record', 'camop', 'events']).makeOptionMandatory(true))
      .option('--from <day>', 'first day (YYYY-MM-DD, camera time)')
      .option('--to <day>', 'last day (YYYY-MM-DD, camera time)')
      .option('--independence <minutes>', "record table: camtrapR's minDeltaTime (the library's independence interval when left out; 0 keeps every record)", Number)
      .addOption(new Option('--compared-to <record>', "record table: camtrapR's deltaTimeComparedTo (the library's setting, which its events use, when left out)").choices(['lastRecord', 'lastIndependentRecord']))
      .option('--with-detections', "record table: also the detector's classes (animal, person, vehicle) where nobody has named a species")
      .action(
        async (
          file: string,
          opts: { table: CsvTable; from?: string; to?: string; independence?: number; comparedTo?: 'lastRecord' | 'lastIndependentRecord'; withDetections?: boolean },
          command: Command,
        ) =>
          withLibrary(command, setCode, async ({ call, out }) => {
            const written = await call('exchange.exportCsv', {
              table: opts.table,
              file: path.resolve(file),
              from: opts.from,
              to: opts.to,
              independenceMinutes: opts.independence,
              deltaTimeComparedTo: opts.comparedTo,
              withDetections: Boolean(opts.withDetections),
            });
            if (!written.ok) return out.failure(written);
            const w = written.value;
            out.result(w, () => `Wrote ${describe[w.table]}: ${w.rows} rows to ${w.file}${w.table === 'record' ? ` (independence ${w.independenceMinutes} min, compared with the ${w.comparedTo === 'lastRecord' ? 'last record' : 'last independent record'})` : ''}`);
          }),
      ),
  );
}
