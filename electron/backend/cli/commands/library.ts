import path from 'node:path';
import type { Command } from 'commander';
import { cliBackend } from '../cli-backend.ts';
import { output } from '../output.ts';

export function registerLibraryCommands(program: Command, setCode: (c: number) => void): void {
  const library = program.command('library').description('create libraries');
  library
    .command('init <dir>')
    .description('create a new library in an empty or new folder')
    .action(async (dir: string, _opts: unknown, command: Command) => {
      const out = output(Boolean(command.optsWithGlobals<{ json?: boolean }>().json));
      const { backend, call } = cliBackend();
      const result = await call('library.create', { path: path.resolve(dir) });
      backend.close();
      if (!result.ok) return setCode(out.failure(result));
      out.result(result.value, () => `Created the library ${result.value.root}`);
    });
}
