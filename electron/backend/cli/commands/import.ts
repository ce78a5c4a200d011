import path from 'node:path';
import { Command } from 'commander';
import type { ImportSummary } from '../../ingest/contract.ts';
import { libraryOption } from '../options.ts';
import { exitCodes } from '../output.ts';
import { printTaskProgress } from '../task-progress.ts';
import { withLibrary } from './with-library.ts';

function describeSummary(s: ImportSummary): string {
  const lines = [`Import ${s.importId} into ${s.deploymentID}: ${s.state}`, `  imported: ${s.imported}`, `  already in the library: ${s.duplicates}`, `  failed: ${s.failed.length}`];
  for (const f of s.failed) lines.push(`    ${f.path}: ${f.reason}`);
  if (s.notImported.length > 0) lines.push(`  not imported: ${s.notImported.length} (${s.notImported[0]?.reason})`);
  for (const w of s.warnings) lines.push(`  warning ${w.path}: ${w.reason}`);
  if (s.message) lines.push(s.message);
  return lines.join('\n');
}

export function registerImportCommand(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('import')
      .description('copy the media of a card or folder into the library, verified; the card is only read')
      .argument('<folder>', 'the card or folder to import')
      .addOption(libraryOption())
      .option('--deployment <deploymentID>', 'the deployment the files belong to (suggested from the camera and dates if left out)')
      .action(async (folder: string, opts: { deployment?: string }, command: Command) =>
        withLibrary(command, setCode, async ({ call, backend, out }) => {
          let deploymentID = opts.deployment;
          if (!deploymentID) {
            const preview = await call('ingest.preview', { source: path.resolve(folder) });
            if (!preview.ok) return out.failure(preview);
            if (!preview.value.suggestion) {
              return out.failure({ ok: false, error: { code: 'invalid-input', message: 'No deployment matches the camera or the dates on this card: name one with --deployment.' } });
            }
            deploymentID = preview.value.suggestion.deploymentID;
            out.progress(`Importing into ${deploymentID} (suggested by ${preview.value.suggestion.reason === 'dates' ? 'the dates' : 'the camera and the dates'})`);
          }
          printTaskProgress(backend, 'import', out);
          const finished = new Promise<ImportSummary>((resolve) => backend.on('ingest.finished', resolve));
          const started = await call('ingest.start', { source: path.resolve(folder), deploymentID });
          if (!started.ok) return out.failure(started);
          const summary = await finished;
          out.result(summary, () => describeSummary(summary));
          if (summary.state !== 'done') return exitCodes.incomplete;
          return summary.failed.length > 0 ? exitCodes.someFailed : exitCodes.ok;
        }),
      ),
  );
}
