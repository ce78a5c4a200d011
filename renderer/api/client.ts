import { electronTransport } from './transport.electron.ts';
import type { Transport } from './transport.ts';
import { webTransport } from './transport.web.ts';
import type { EventName, MethodName, ParamsOf, PayloadOf, ResultOf } from '../../electron/backend/api/contract.ts';
import type { Envelope } from '../../electron/backend/rpc/envelope.ts';

/** The typed face of the contract for the renderer: the same code under Electron and in a browser. */
export interface Api {
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<Envelope<ResultOf<M>>>;
  on<E extends EventName>(event: E, handler: (payload: PayloadOf<E>) => void): () => void;
  /** Told when the backend stops answering and when it is back. */
  watchConnection(handler: (state: 'open' | 'lost') => void): () => void;
  mediaUrl(kind: 'thumb' | 'file' | 'play' | 'tiles' | 'overlay' | 'pmtiles', id: string): string;
  logUrl(): string | null;
  pickFolder: (() => Promise<string | null>) | null;
}

export function createApi(transport: Transport): Api {
  return {
    call: (method, params) => transport.call(method, params) as Promise<Envelope<ResultOf<typeof method>>>,
    on: (event, handler) =>
      transport.subscribe((name, payload) => {
        if (name === event) handler(payload as PayloadOf<typeof event>);
      }),
    watchConnection: (handler) => transport.watchConnection(handler),
    mediaUrl: (kind, id) => transport.mediaUrl(kind, id),
    logUrl: () => transport.logUrl(),
    pickFolder: transport.pickFolder ?? null,
  };
}

export const api: Api = createApi(window.station ? electronTransport(window.station) : webTransport());
