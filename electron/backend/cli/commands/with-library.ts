// A path typed in a shell means the shell's folder: it is made absolute here, where that is known.
import path from 'node:path';
import type { Command } from 'commander';
import { cliBackend } from '../cli-backend.ts';
import { output, type Output } from '../output.ts';

type Call = ReturnType<typeof cliBackend>['call'];
type Backend = ReturnType<typeof cliBackend>['backend'];

/** Opens the library named by --library, runs the command, closes it, and turns failures into exit codes. */
export async function withLibrary(
  command: Command,
  setCode: (c: number) => void,
  body: (ctx: { call: Call; backend: Backend; out: Output }) => Promise<number | void>,
): Promise<void> {
  const opts = command.optsWithGlobals<{ library: string; json?: boolean }>();
  const out = output(Boolean(opts.json));
  const { backend, call } = cliBackend();
  const opened = await call('library.open', { path: path.resolve(opts.library) });
  if (!opened.ok) return setCode(out.failure(opened));
  try {
    const code = await body({ call, backend, out });
    if (typeof code === 'number') setCode(code);
  } finally {
    backend.close();
  }
}
