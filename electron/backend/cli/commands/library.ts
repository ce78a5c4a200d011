import type { Command } from 'commander';
import { cliStation } from '../cli-station.ts';
import { output } from '../output.ts';

export function registerLibraryCommands(program: Command, setCode: (c: number) => void): void {
  const library = program.command('library').description('create libraries');
  library
    .command('init <dir>')
    .description('create a new library in an empty or new folder')
    .action(async (dir: string, _opts: unknown, command: Command) => {
      const out = output(Boolean(command.optsWithGlobals<{ json?: boolean }>().json));
      const { station, call } = cliStation();
      const result = await call('library.create', { path: dir });
      station.close();
      if (!result.ok) return setCode(out.failure(result));
      out.result(result.value, () => `Created the library ${result.value.root}`);
    });
}
