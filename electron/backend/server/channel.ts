import { parseCall, type BackendMessage } from './wire.ts';
import { dispatch } from '../api/dispatch.ts';
import type { Backend } from '../app/backend.ts';

/**
 * Connects one renderer to the backend over any message channel: calls go to dispatch, results
 * and pushed events come back. Returns the function that disconnects it.
 */
export function connectChannel(backend: Backend, send: (m: BackendMessage) => void, onMessage: (handler: (data: unknown) => void) => void): () => void {
  const unsubscribe = backend.subscribe((event, payload) => send({ event, payload }));
  onMessage((data) => {
    const call = parseCall(data);
    if (!call) return;
    void dispatch(backend, call.method, call.input).then((result) => send({ id: call.id, result }));
  });
  return unsubscribe;
}
