import path from 'node:path';
import { Command } from 'commander';
import type { PackageImportReport } from '../../exchange/camtrap-dp/import/contract.ts';
import { formatBytes } from '../../ingest/contract.ts';
import { englishFor } from '../../rpc/messages.ts';
import { libraryOption } from '../options.ts';
import { exitCodes } from '../output.ts';
import { printTaskProgress } from '../task-progress.ts';
import { withLibrary } from './with-library.ts';

function describeReport(r: PackageImportReport): string {
  const said = (list: PackageImportReport['problems']) => list.map((s) => `  - ${englishFor(s.key, s.values)}`);
  const name = r.packageTitle ?? r.packageName ?? r.source;
  if (r.outcome === 'cancelled') return `The import of ${name} was cancelled: nothing of it was kept.`;
  if (r.outcome === 'refused') return [`${name} was not imported: nothing of it was kept. The problems:`, ...said(r.problems)].join('\n');
  const a = r.added;
  const lines = [
    `Imported ${name} (Camtrap DP ${r.profileVersion ?? '?'}) from ${r.source}`,
    `  deployments: ${a.deployments} (${a.locations} new locations)`,
    `  media: ${a.media} copied into the library and verified (${formatBytes(r.files.bytes)}), ${a.remoteMedia} kept as references (${r.files.remote} URLs, ${r.files.missing} missing files)`,
    `  observations: ${r.rows.observations} rows: ${a.observations} labels, ${a.detections} boxes in ${a.detectionRuns} imported detection run(s), ${a.keptObservations} rows held only as the package gave them (${a.eventObservations} of them event-level)`,
    `  species added to the list: ${a.species}`,
    '  independent events: recomputed from the imported labels and boxes with the library\'s interval',
  ];
  if (r.missingFiles.length > 0) lines.push('  missing files:', ...r.missingFiles.map((f) => `    ${f}`));
  if (r.warnings.length > 0) lines.push('Warnings:', ...said(r.warnings));
  return lines.join('\n');
}

export function registerImportCamtrapDpCommand(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('import-camtrap-dp')
      .description('import a Camtrap DP 1.0 to 1.0.2 package made by another tool (Agouti, Wildlife Insights, Trapper): all of it, or nothing when it has problems')
      .argument('<folder-or-zip>', 'the package folder (with datapackage.json) or its .zip')
      .addOption(libraryOption())
      .option('--media <folder>', 'a folder that holds media files the package names but does not hold (downloaded from their URLs, or kept apart)')
      .option('--allow-missing', 'keep rows whose file is in neither place as references, instead of refusing the package')
      .action(async (source: string, opts: { media?: string; allowMissing?: boolean }, command: Command) =>
        withLibrary(command, setCode, async ({ call, backend, out }) => {
          printTaskProgress(backend, 'package-import', out);
          const imported = await call('exchange.importCamtrapDp', {
            source: path.resolve(source),
            ...(opts.media ? { mediaFolder: path.resolve(opts.media) } : {}),
            allowMissing: opts.allowMissing === true,
          });
          if (!imported.ok) return out.failure(imported);
          const report = imported.value;
          out.result(report, () => describeReport(report));
          return report.outcome === 'imported' ? exitCodes.ok : report.outcome === 'cancelled' ? exitCodes.incomplete : exitCodes.error;
        }),
      ),
  );
}
