import { contextBridge, ipcRenderer } from 'electron';

// The preload holds the MessagePort to the backend and exposes two functions, nothing else:
// the page never touches ipcRenderer, the port or Node.
type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

let port: MessagePort | null = null;
let nextId = 1;
const queue: string[] = [];
const pending = new Map<number, (e: Envelope) => void>();
const handlers = new Set<(event: string, payload: unknown) => void>();
const watchers = new Set<(state: 'open' | 'lost') => void>();
let lost = false;

// The backend stopped; main starts it again and sends a new port. Calls that were waiting may or
// may not have been done: their callers are told.
ipcRenderer.on('station:backend-lost', () => {
  port = null;
  for (const [id, resolve] of pending) {
    resolve({ ok: false, error: { code: 'internal', message: 'The connection to Camtrap Station was lost while this was being done. Try again once it is back.' } });
    pending.delete(id);
  }
  lost = true;
  for (const w of watchers) w('lost');
});

ipcRenderer.on('station:port', (event) => {
  const [received] = event.ports;
  if (!received) return;
  port = received;
  port.onmessage = (message: MessageEvent<{ id?: number; result?: Envelope; event?: string; payload?: unknown }>) => {
    const data = message.data;
    if (typeof data.id === 'number' && data.result) {
      pending.get(data.id)?.(data.result);
      pending.delete(data.id);
    } else if (typeof data.event === 'string') {
      for (const h of handlers) h(data.event, data.payload);
    }
  };
  port.start();
  for (const m of queue.splice(0)) port.postMessage(JSON.parse(m));
  if (lost) for (const w of watchers) w('open');
  lost = false;
});
ipcRenderer.send('station:ready');

contextBridge.exposeInMainWorld('station', {
  call: (method: string, input: unknown) =>
    new Promise<Envelope>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const message = { id, method: String(method), input: JSON.parse(JSON.stringify(input ?? {})) as unknown };
      if (port) port.postMessage(message);
      else queue.push(JSON.stringify(message));
    }),
  pickFolder: (): Promise<string | null> => ipcRenderer.invoke('station:pick-folder') as Promise<string | null>,
  subscribe: (handler: (event: string, payload: unknown) => void) => {
    handlers.add(handler);
    return () => handlers.delete(handler);
  },
  watchConnection: (handler: (state: 'open' | 'lost') => void) => {
    watchers.add(handler);
    return () => watchers.delete(handler);
  },
});
