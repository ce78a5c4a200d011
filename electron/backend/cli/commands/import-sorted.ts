import path from 'node:path';
import { Command, Option } from 'commander';
import type { SortedImported } from '../../ingest/contract.ts';
import { englishFor } from '../../rpc/messages.ts';
import { libraryOption } from '../options.ts';
import { exitCodes } from '../output.ts';
import { printTaskProgress } from '../task-progress.ts';
import { withLibrary } from './with-library.ts';

type Choice = { name: string; scientificName: string | null; observationType: 'animal' | 'human' | 'vehicle' | 'unknown' | 'blank' };
const kinds = new Set(['unknown', 'blank', 'human', 'vehicle']);

/** "big grey bird=Ardea cinerea", "???=unknown": a folder name and what it holds. */
function folderChoice(text: string, earlier: Choice[] = []): Choice[] {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new Error(`"${text}" is not FOLDER=Scientific name (or FOLDER=unknown, blank, human, vehicle)`);
  const name = text.slice(0, at).trim();
  const what = text.slice(at + 1).trim();
  const choice: Choice = kinds.has(what.toLowerCase()) ? { name, scientificName: null, observationType: what.toLowerCase() as Choice['observationType'] } : { name, scientificName: what, observationType: 'animal' };
  return [...earlier, choice];
}

function describe(r: SortedImported): string {
  const lines = r.imports.map((i) => `${i.deploymentID}: ${i.state}, ${i.imported} imported, ${i.duplicates} already in the library, ${i.failed.length} failed`);
  lines.push(`${r.labelled} files labelled from their folder names (${r.layout}).`);
  for (const s of r.skipped) lines.push(`Left out ${s.folder}: ${englishFor(s.says.key, s.says.values)}`);
  return lines.join('\n');
}

export function registerImportSortedCommand(program: Command, setCode: (c: number) => void): void {
  program.addCommand(
    new Command('import-sorted')
      .description('import a card or folder sorted by hand the camtrapR way (Station/Species/files or Station/Camera/Species/files): each file gets the species of its folder')
      .argument('<folder>', 'the folder that holds the station folders')
      .addOption(libraryOption())
      .addOption(new Option('--layout <layout>', 'the folder layout (guessed from the folder names if left out)').choices(['station-species', 'station-camera-species']))
      .option('--map <folder=species>', 'what a folder the app does not know holds: a scientific name, or unknown, blank, human, vehicle (repeat for more)', folderChoice)
      .action(async (folder: string, opts: { layout?: 'station-species' | 'station-camera-species'; map?: Choice[] }, command: Command) =>
        withLibrary(command, setCode, async ({ call, backend, out }) => {
          printTaskProgress(backend, 'import', out);
          const result = await call('ingest.importSorted', { source: path.resolve(folder), layout: opts.layout, folders: opts.map ?? [], language: 'en' });
          if (!result.ok) return out.failure(result);
          out.result(result.value, () => describe(result.value));
          return result.value.imports.every((i) => i.state === 'done') ? exitCodes.ok : exitCodes.incomplete;
        }),
      ),
  );
}
