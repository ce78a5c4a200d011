import type { Command } from 'commander';
import { cliStation } from '../cli-station.ts';
import { output, type Output } from '../output.ts';

type Call = ReturnType<typeof cliStation>['call'];
type Station = ReturnType<typeof cliStation>['station'];

/** Opens the library named by --library, runs the command, closes it, and turns failures into exit codes. */
export async function withLibrary(
  command: Command,
  setCode: (c: number) => void,
  body: (ctx: { call: Call; station: Station; out: Output }) => Promise<number | void>,
): Promise<void> {
  const opts = command.optsWithGlobals<{ library: string; json?: boolean }>();
  const out = output(Boolean(opts.json));
  const { station, call } = cliStation();
  const opened = await call('library.open', { path: opts.library });
  if (!opened.ok) return setCode(out.failure(opened));
  try {
    const code = await body({ call, station, out });
    if (typeof code === 'number') setCode(code);
  } finally {
    station.close();
  }
}
