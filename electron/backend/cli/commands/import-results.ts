import path from 'node:path';
import { Command } from 'commander';
import type { ResultsImported, ResultsPreview, UnmatchedFile } from '../../exchange/results/contract.ts';
import { englishFor } from '../../rpc/messages.ts';
import { libraryOption } from '../options.ts';
import { exitCodes } from '../output.ts';
import { withLibrary } from './with-library.ts';

/** Enough of the unmatched files to see the pattern; --json gives every one the backend returned. */
const shownUnmatched = 20;

function describeUnmatched(files: UnmatchedFile[], total: number): string[] {
  if (total === 0) return [];
  const lines = [`  not in the library: ${total}`];
  for (const f of files.slice(0, shownUnmatched)) lines.push(`    ${f.file} (${f.reason === 'outside-root' ? 'does not start with the root' : 'no such picture in the library'})`);
  if (total > shownUnmatched) lines.push(`    … and ${total - shownUnmatched} more`);
  return lines;
}

function describePreview(p: ResultsPreview): string {
  const what = p.format === 'speciesnet' ? 'SpeciesNet predictions' : `MegaDetector batch output ${p.formatVersion ?? '(no format version)'}`;
  return [
    `${path.basename(p.file)}: ${what}, detector ${p.modelName} (${p.modelID} ${p.modelVersion}), threshold ${p.threshold}${p.classifier ? `, classifier ${p.classifier}` : ''}`,
    `  ${p.entries} files, ${p.failures} failed, ${p.boxes} boxes, ${p.labels} classifications${p.skippedBoxes > 0 ? `, ${p.skippedBoxes} boxes of classes the library does not keep` : ''}`,
    `  paths starting with "${p.root}" are looked for in the library's ${p.folder}/ (other roots: ${p.roots.filter((r) => r !== p.root).map((r) => `"${r}"`).join(', ') || 'none'})`,
    `  matched: ${p.matched}`,
    ...describeUnmatched(p.unmatchedFiles, p.unmatched),
  ].join('\n');
}

function describeImport(r: ResultsImported): string {
  return [`Imported ${path.basename(r.file)} as detection job ${r.runId}: ${r.matched} files, ${r.boxes} boxes, ${r.labels} classifications`, ...describeUnmatched(r.unmatchedFiles, r.unmatched)].join('\n');
}

export function registerImportResultsCommand(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('import-results')
      .description('store MegaDetector batch output (format 1.0 to 1.6) or SpeciesNet predictions.json for pictures already in the library, as an imported detection job')
      .argument('<file>', 'the results file (.json)')
      .addOption(libraryOption())
      .option('--root <folder>', 'the start of the paths in the file to take away (the folder the detector ran on); suggested when left out')
      .option('--into <folder>', "the library folder the rest of each path is in: media, or a deployment's folder such as media/dep1; suggested when left out")
      .option('--threshold <confidence>', "the confidence the library counts boxes from (the file's recommendation when left out)", Number)
      .option('--preview', 'only say what would be imported and what does not match')
      .action(async (file: string, opts: { root?: string; into?: string; threshold?: number; preview?: boolean }, command: Command) =>
        withLibrary(command, setCode, async ({ call, out }) => {
          const request = { file: path.resolve(file), root: opts.root, folder: opts.into };
          const preview = await call('exchange.previewResults', request);
          if (!preview.ok) return out.failure(preview);
          const p = preview.value;
          if (opts.preview || p.problemCount > 0) {
            out.result(p, () => [describePreview(p), ...p.problems.map((s) => `  problem: ${englishFor(s.key, s.values)}`)].join('\n'));
            return p.problemCount > 0 ? exitCodes.usage : exitCodes.ok;
          }
          out.progress(describePreview(p));
          const imported = await call('exchange.importResults', { ...request, root: p.root, folder: p.folder, threshold: opts.threshold });
          if (!imported.ok) return out.failure(imported);
          out.result(imported.value, () => describeImport(imported.value));
          return imported.value.unmatched > 0 ? exitCodes.someFailed : exitCodes.ok;
        }),
      ),
  );
}
