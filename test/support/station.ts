import path from 'node:path';
import { Station } from '../../electron/backend/app/station.ts';
import { createLogger } from '../../electron/backend/log/logger.ts';
import type { MethodName, ParamsOf, ResultOf } from '../../electron/backend/rpc/contract.ts';
import { dispatch } from '../../electron/backend/rpc/dispatch.ts';
import type { Envelope } from '../../electron/backend/rpc/envelope.ts';
import { tempDir } from './temp-dir.ts';

/** A backend in this process, called through the same dispatch as the renderer uses. */
export function testStation() {
  const dataDir = tempDir('camtrap-data-');
  const station = new Station(dataDir, createLogger(path.join(dataDir, 'logs')));
  const call = <M extends MethodName>(name: M, input: ParamsOf<M>) => dispatch(station, name, input) as Promise<Envelope<ResultOf<M>>>;
  const must = async <M extends MethodName>(name: M, input: ParamsOf<M>): Promise<ResultOf<M>> => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { station, dataDir, call, must };
}
