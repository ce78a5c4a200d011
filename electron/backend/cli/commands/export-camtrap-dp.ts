import path from 'node:path';
import { Command, Option } from 'commander';
import type { CamtrapExportResult } from '../../exchange/camtrap-dp/contract.ts';
import { englishFor } from '../../rpc/messages.ts';
import { libraryOption } from '../options.ts';
import { exitCodes } from '../output.ts';
import { printTaskProgress } from '../task-progress.ts';
import { withLibrary } from './with-library.ts';

function describeResult(r: CamtrapExportResult): string {
  const c = r.counts;
  const what = `deployments: ${c.deployments}, media: ${c.media}, observations: ${c.observations} (media level: ${c.mediaObservations}, event level: ${c.eventObservations}), files: ${c.files}`;
  if (r.state === 'written') return `Wrote a valid Camtrap DP 1.0.2 package to ${r.zip ?? r.folder}: ${what}.`;
  if (r.state === 'cancelled') return 'The export was cancelled; nothing was written.';
  return [`The package did not pass the check, so nothing was written (${what}). Problems:`, ...r.problems.map((p) => `  ${englishFor(p.key, p.values)}`)].join('\n');
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerExportCamtrapDpCommand(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('export-camtrap-dp')
      .description('write the library as a Camtrap DP 1.0.2 package (for GBIF), checked against the standard: only a valid package is written')
      .argument('<folder>', 'the folder the package (or its ZIP file) is written into')
      .addOption(libraryOption())
      .option('--deployment <deploymentID>', 'only this deployment (repeat for several)', collect, [])
      .option('--from <day>', 'only from this day on (YYYY-MM-DD, station time)')
      .option('--to <day>', 'only up to this day (YYYY-MM-DD, station time)')
      .addOption(new Option('--media <how>', 'media files in the package: copied, thumbnails only, or none (then give --media-base)').choices(['copy', 'thumbnails', 'none']).default('copy'))
      .option('--media-base <base>', 'with --media none: the URL or relative path under which the media files are published')
      .option('--zip', 'write one ZIP file instead of a folder')
      .action(async (folder: string, opts: { deployment: string[]; from?: string; to?: string; media: 'copy' | 'thumbnails' | 'none'; mediaBase?: string; zip?: boolean }, command: Command) =>
        withLibrary(command, setCode, async ({ call, backend, out }) => {
          printTaskProgress(backend, 'export', out);
          const done = await call('exchange.exportCamtrapDp', {
            folder: path.resolve(folder),
            deploymentIDs: opts.deployment,
            ...(opts.from ? { from: opts.from } : {}),
            ...(opts.to ? { to: opts.to } : {}),
            media: opts.media,
            ...(opts.mediaBase !== undefined ? { mediaBase: opts.mediaBase } : {}),
            zip: Boolean(opts.zip),
          });
          if (!done.ok) return out.failure(done);
          out.result(done.value, () => describeResult(done.value));
          if (done.value.state === 'cancelled') return exitCodes.incomplete;
          return done.value.state === 'written' ? exitCodes.ok : exitCodes.error;
        }),
      ),
  );
}
