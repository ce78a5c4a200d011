import type { EventHandler, Transport } from './transport.ts';
import type { Envelope } from '../../electron/backend/rpc/envelope.ts';

interface Pending {
  resolve: (e: Envelope<unknown>) => void;
}

/** Browser mode: one WebSocket to the backend, opened with the session cookie the one-time link set. */
export function webTransport(): Transport {
  const pending = new Map<number, Pending>();
  const handlers = new Set<EventHandler>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket;

  const connect = () => {
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`);
    socket.addEventListener('open', () => {
      for (const m of queue.splice(0)) socket.send(m);
    });
    socket.addEventListener('message', (ev) => {
      const msg = JSON.parse(String(ev.data)) as { id?: number; result?: Envelope<unknown>; event?: string; payload?: unknown };
      if (typeof msg.id === 'number' && msg.result) {
        pending.get(msg.id)?.resolve(msg.result);
        pending.delete(msg.id);
      } else if (msg.event) {
        for (const h of handlers) h(msg.event, msg.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const [id, p] of pending) {
        p.resolve({ ok: false, error: { code: 'internal', message: 'The connection to the backend was lost. Reload the page.' } });
        pending.delete(id);
      }
    });
  };
  connect();

  return {
    call: (method, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, { resolve });
        const text = JSON.stringify({ id, method, input });
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      }),
    subscribe: (h) => {
      handlers.add(h);
      return () => handlers.delete(h);
    },
    mediaUrl: (kind, id) => `/media/${kind}/${id}`,
    logUrl: () => '/app/log',
  };
}
