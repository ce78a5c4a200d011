import path from 'node:path';
import { tempDir } from './temp-dir.ts';
import type { MethodName, ParamsOf, ResultOf } from '../../electron/backend/api/contract.ts';
import { dispatch } from '../../electron/backend/api/dispatch.ts';
import { createBackend } from '../../electron/backend/app/backend.ts';
import { createLogger } from '../../electron/backend/log/logger.ts';
import type { Envelope } from '../../electron/backend/rpc/envelope.ts';

/** A backend in this process, built by the same composition root as the app and called through the same dispatch. */
export function testBackend() {
  const dataDir = tempDir('camtrap-data-');
  const backend = createBackend({ dataDir, logger: createLogger(path.join(dataDir, 'logs')) });
  const call = <M extends MethodName>(name: M, input: ParamsOf<M>) => dispatch(backend, name, input) as Promise<Envelope<ResultOf<M>>>;
  const must = async <M extends MethodName>(name: M, input: ParamsOf<M>): Promise<ResultOf<M>> => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { backend, dataDir, call, must };
}
