import type { Envelope } from '../../electron/backend/rpc/envelope.ts';

export type EventHandler = (event: string, payload: unknown) => void;
/** 'lost' when the backend stopped answering (it restarts by itself), 'open' when it is back. */
export type ConnectionHandler = (state: 'open' | 'lost') => void;

/** How the renderer reaches the backend; one implementation per shell (Electron, browser). */
export interface Transport {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(handler: EventHandler): () => void;
  watchConnection(handler: ConnectionHandler): () => void;
  mediaUrl(kind: 'thumb' | 'file' | 'play' | 'tiles' | 'overlay' | 'pmtiles', id: string): string;
  /** Where the user can get the day's log: a download link in the browser, a file path under Electron. */
  logUrl(): string | null;
  /** The system's folder dialog, where the shell has one (Electron); a browser gets a typed path. */
  pickFolder?: () => Promise<string | null>;
}
