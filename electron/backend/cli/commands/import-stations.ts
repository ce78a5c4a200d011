import path from 'node:path';
import { Command, Option } from 'commander';
import type { DeploymentsCsvPreview } from '../../exchange/camtrapr/contract.ts';
import { englishFor } from '../../rpc/messages.ts';
import { libraryOption } from '../options.ts';
import { withLibrary } from './with-library.ts';

/** 50N, 33s, 17 south: a UTM zone as people write it. */
function utmZone(text: string): { zone: number; hemisphere: 'north' | 'south' } {
  const m = /^\s*(\d{1,2})\s*([ns]|north|south)\s*$/i.exec(text);
  if (!m) throw new Error(`"${text}" is not a UTM zone: write the number and N or S, e.g. 50N or 33S`);
  return { zone: Number(m[1]), hemisphere: (m[2] as string).toLowerCase().startsWith('s') ? 'south' : 'north' };
}

function describeProblems(preview: DeploymentsCsvPreview): string {
  return preview.rows
    .flatMap((r) => r.problems.map((p) => englishFor(p.key, p.values)))
    .join('\n');
}

export function registerImportStationsCommand(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('import-stations')
      .description("add locations, deployments and camera problems from a station table: camtrapR's camera trap table (Station, Setup_date, Retrieval_date, ProblemN_from/ProblemN_to, Camera) or a Camtrap DP deployments.csv")
      .argument('<file>', 'the CSV file')
      .addOption(libraryOption())
      .addOption(new Option('--date-order <order>', 'dates such as 03/04/2009: day first (dmy) or month first (mdy)').choices(['dmy', 'mdy']))
      .option('--utm-zone <zone>', 'for utm_x/utm_y (easting/northing) coordinates: their zone, e.g. 50N', utmZone)
      .option('--skip-problem-rows', 'import the good rows and leave out the rows with problems')
      .action(async (file: string, opts: { dateOrder?: 'dmy' | 'mdy'; utmZone?: { zone: number; hemisphere: 'north' | 'south' }; skipProblemRows?: boolean }, command: Command) =>
        withLibrary(command, setCode, async ({ call, out }) => {
          const input = { file: path.resolve(file), dateOrder: opts.dateOrder, utmZone: opts.utmZone };
          const preview = await call('exchange.previewDeploymentsCsv', input);
          if (!preview.ok) return out.failure(preview);
          if (preview.value.bad > 0) out.progress(describeProblems(preview.value));
          const result = await call('exchange.importDeploymentsCsv', { ...input, skipProblemRows: Boolean(opts.skipProblemRows) });
          if (!result.ok) return out.failure(result);
          const r = result.value;
          out.result(r, () => `Added ${r.added} deployments, ${r.locationsAdded} locations and ${r.problemsAdded} camera problems${r.skipped > 0 ? `; left out ${r.skipped} rows with problems` : ''}`);
        }),
      ),
  );
}
