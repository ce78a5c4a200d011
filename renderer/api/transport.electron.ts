import type { Transport } from './transport.ts';
import type { Envelope } from '../../electron/backend/rpc/envelope.ts';

/** What the preload exposes: a call and a subscription over the MessagePort it holds, nothing more. */
export interface StationBridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(handler: (event: string, payload: unknown) => void): () => void;
  watchConnection(handler: (state: 'open' | 'lost') => void): () => void;
  pickFolder(): Promise<string | null>;
}

declare global {
  interface Window {
    station?: StationBridge;
  }
}

export function electronTransport(bridge: StationBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    subscribe: (handler) => bridge.subscribe(handler),
    watchConnection: (handler) => bridge.watchConnection(handler),
    mediaUrl: (kind, id) => `station-media://${kind}/${id}`,
    logUrl: () => null,
    pickFolder: () => bridge.pickFolder(),
  };
}
