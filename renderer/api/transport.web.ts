import type { ConnectionHandler, EventHandler, Transport } from './transport.ts';
import type { Envelope } from '../../electron/backend/rpc/envelope.ts';

/** Waits between tries to reach the backend again: quick at first, then every few seconds. */
const retryDelaysMs = [500, 1000, 2000, 4000, 8000];

const lost: Envelope<never> = { ok: false, error: { code: 'internal', message: 'The connection to Camtrap Station was lost while this was being done. Try again once it is back.' } };

/**
 * Browser mode: one WebSocket to the backend, opened with the session cookie the one-time link
 * set. When the backend restarts, the page connects again by itself; calls made meanwhile wait.
 */
export function webTransport(): Transport {
  const sent = new Map<number, (e: Envelope<unknown>) => void>();
  const handlers = new Set<EventHandler>();
  const watchers = new Set<ConnectionHandler>();
  const queue: { id: number; text: string; resolve: (e: Envelope<unknown>) => void }[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let failures = 0;

  const flush = (): void => {
    for (const m of queue.splice(0)) {
      sent.set(m.id, m.resolve);
      socket?.send(m.text);
    }
  };
  const connect = (): void => {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`);
    socket = ws;
    ws.addEventListener('open', () => {
      if (failures > 0) for (const w of watchers) w('open');
      failures = 0;
      flush();
    });
    ws.addEventListener('message', (ev) => {
      let msg: { id?: number; result?: Envelope<unknown>; event?: string; payload?: unknown };
      try {
        msg = JSON.parse(String(ev.data)) as typeof msg;
      } catch {
        return;
      }
      if (typeof msg.id === 'number' && msg.result) {
        sent.get(msg.id)?.(msg.result);
        sent.delete(msg.id);
      } else if (msg.event) {
        for (const h of handlers) h(msg.event, msg.payload);
      }
    });
    ws.addEventListener('close', () => {
      // What was sent may or may not have been done: its caller is told, and may try again.
      for (const [id, resolve] of sent) {
        resolve(lost);
        sent.delete(id);
      }
      failures += 1;
      if (failures === 1) for (const w of watchers) w('lost');
      setTimeout(connect, retryDelaysMs[Math.min(failures - 1, retryDelaysMs.length - 1)]);
    });
  };
  connect();

  return {
    call: (method, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        queue.push({ id, text: JSON.stringify({ id, method, input }), resolve });
        if (socket?.readyState === WebSocket.OPEN) flush();
      }),
    subscribe: (h) => {
      handlers.add(h);
      return () => handlers.delete(h);
    },
    watchConnection: (w) => {
      watchers.add(w);
      return () => watchers.delete(w);
    },
    mediaUrl: (kind, id) => `/media/${kind}/${id}`,
    logUrl: () => '/app/log',
  };
}
