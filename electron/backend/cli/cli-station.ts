import path from 'node:path';
import { defaultDataDir } from '../app/data-dir.ts';
import { Station } from '../app/station.ts';
import { createLogger } from '../log/logger.ts';
import type { MethodName, ParamsOf, ResultOf } from '../rpc/contract.ts';
import { dispatch } from '../rpc/dispatch.ts';
import type { Envelope } from '../rpc/envelope.ts';

/** The CLI drives the same backend as the app, through the same validated dispatch. */
export function cliStation() {
  const dataDir = defaultDataDir();
  const station = new Station(dataDir, createLogger(path.join(dataDir, 'logs')));
  const call = <M extends MethodName>(name: M, input: ParamsOf<M>) => dispatch(station, name, input) as Promise<Envelope<ResultOf<M>>>;
  return { station, call };
}
