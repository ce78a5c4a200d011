import path from 'node:path';
import type { MethodName, ParamsOf, ResultOf } from '../api/contract.ts';
import { dispatch } from '../api/dispatch.ts';
import { createBackend, type Backend } from '../app/backend.ts';
import { defaultDataDir } from '../app/data-dir.ts';
import { createLogger } from '../log/logger.ts';
import type { Envelope } from '../rpc/envelope.ts';

export type Call = <M extends MethodName>(name: M, input: ParamsOf<M>) => Promise<Envelope<ResultOf<M>>>;

/** The CLI drives the same backend as the app, through the same validated dispatch. */
export function cliBackend(): { backend: Backend; call: Call } {
  const dataDir = defaultDataDir();
  const backend = createBackend({ dataDir, logger: createLogger(path.join(dataDir, 'logs')) });
  const call: Call = (name, input) => dispatch(backend, name, input) as Promise<Envelope<ResultOf<typeof name>>>;
  return { backend, call };
}
