import { Command, CommanderError } from 'commander';
import { registerDeploymentCommands } from './commands/deployment.ts';
import { registerDetectCommands } from './commands/detect.ts';
import { registerEffortCommands } from './commands/effort.ts';
import { registerEngineCommands } from './commands/engine.ts';
import { registerExportCamtrapDpCommand } from './commands/export-camtrap-dp.ts';
import { registerExportCsvCommand } from './commands/export-csv.ts';
import { registerImportCamtrapDpCommand } from './commands/import-camtrap-dp.ts';
import { registerImportResultsCommand } from './commands/import-results.ts';
import { registerImportSortedCommand } from './commands/import-sorted.ts';
import { registerImportStationsCommand } from './commands/import-stations.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerLibraryCommands } from './commands/library.ts';
import { registerStatusCommand } from './commands/status.ts';
import { exitCodes } from './output.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('camtrap-station')
    .description('Camtrap Station: camera-trap libraries from the command line, for unattended stations')
    .option('--json', 'print results as JSON')
    .exitOverride();
  let code: number = exitCodes.ok;
  const setCode = (c: number) => {
    code = c;
  };
  registerLibraryCommands(program, setCode);
  registerDeploymentCommands(program, setCode);
  registerImportCommand(program, setCode);
  registerImportSortedCommand(program, setCode);
  registerImportStationsCommand(program, setCode);
  registerEffortCommands(program, setCode);
  registerStatusCommand(program, setCode);
  registerDetectCommands(program, setCode);
  registerEngineCommands(program, setCode);
  registerImportResultsCommand(program, setCode);
  registerImportCamtrapDpCommand(program, setCode);
  registerExportCsvCommand(program, setCode);
  registerExportCamtrapDpCommand(program, setCode);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    throw err;
  }
  return code;
}
