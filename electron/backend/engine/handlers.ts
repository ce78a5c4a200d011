import type { engineMethods } from './contract.ts';
import type { Engine } from './engine.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface EngineContext {
  engine: Pick<Engine, 'status' | 'loadImage'>;
}

export const engineHandlers: DomainHandlers<typeof engineMethods, EngineContext> = {
  'engine.status': async (_input, { engine }) => {
    const { docker: _docker, ...status } = await engine.status();
    return status;
  },
  'engine.loadImage': ({ tarball }, { engine }) => engine.loadImage(tarball),
};
