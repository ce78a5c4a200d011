import type { DomainHandlers } from '../rpc/handler-types.ts';
import type { engineMethods } from './contract.ts';

export const engineHandlers: DomainHandlers<typeof engineMethods> = {
  'engine.status': async (_input, station) => {
    const { docker: _docker, ...status } = await station.engine.status();
    return status;
  },
  'engine.loadImage': ({ tarball }, station) => station.engine.loadImage(tarball),
};
