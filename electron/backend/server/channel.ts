import { parseCall, type BackendMessage } from './wire.ts';
import { dispatch } from '../api/dispatch.ts';
import type { Backend } from '../app/backend.ts';

/** How many calls of one channel may wait at once; past that a call is answered busy at once. */
export interface CallLimit {
  admit(): boolean;
  done(): void;
}

/**
 * Connects one renderer to the backend over any message channel: calls go to dispatch, results
 * and pushed events come back. Returns the function that disconnects it.
 */
export function connectChannel(backend: Backend, send: (m: BackendMessage) => void, onMessage: (handler: (data: unknown) => void) => void, limit?: CallLimit): () => void {
  const unsubscribe = backend.subscribe((event, payload) => send({ event, payload }));
  onMessage((data) => {
    const call = parseCall(data);
    if (!call) return;
    if (limit && !limit.admit()) {
      send({ id: call.id, result: { ok: false, error: { code: 'busy', message: 'Too many requests at once: wait for the answers before asking more.' } } });
      return;
    }
    void dispatch(backend, call.method, call.input).then((result) => {
      limit?.done();
      send({ id: call.id, result });
    });
  });
  return unsubscribe;
}
