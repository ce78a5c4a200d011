import type { Envelope } from '../rpc/envelope.ts';

/** Messages on the renderer-backend channel, the same over a WebSocket and over a MessagePort. */
export interface CallMessage {
  id: number;
  method: string;
  input: unknown;
}

export type BackendMessage = { id: number; result: Envelope<unknown> } | { event: string; payload: unknown };

export function parseCall(data: unknown): CallMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  return typeof m.id === 'number' && typeof m.method === 'string' ? { id: m.id, method: m.method, input: m.input } : null;
}
