import type { Station } from '../app/station.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { parseCall, type BackendMessage } from './wire.ts';

/**
 * Connects one renderer to the backend over any message channel: calls go to dispatch, results
 * and pushed events come back. Returns the function that disconnects it.
 */
export function connectChannel(station: Station, send: (m: BackendMessage) => void, onMessage: (handler: (data: unknown) => void) => void): () => void {
  const unsubscribe = station.subscribe((event, payload) => send({ event, payload }));
  onMessage((data) => {
    const call = parseCall(data);
    if (!call) return;
    void dispatch(station, call.method, call.input).then((result) => send({ id: call.id, result }));
  });
  return unsubscribe;
}
