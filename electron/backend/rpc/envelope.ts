import { englishFor, isMessageKey, type MessageValues, type Says } from './messages.ts';

export type { Says } from './messages.ts';

/** What crosses the process boundary: never a thrown error, always one of these. */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-method'
  | 'no-library'
  | 'not-found'
  | 'conflict'
  | 'library-newer'
  | 'not-writable'
  | 'not-a-library'
  | 'unsafe-library'
  | 'disk-full'
  | 'source-missing'
  | 'bad-checksum'
  | 'busy'
  | 'internal';

export interface RpcError {
  code: ErrorCode;
  /** In English, for the command line and the log. */
  message: string;
  /** The same message as a key and its values, which the renderer shows in the user's language. */
  says?: Says;
  /** Short reference that also appears in the day's log file, so a helper can find the details. */
  ref?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** A failure a user can act on: its message is shown as it is, in the user's language. */
export class StationError extends Error {
  readonly says: Says | undefined;
  constructor(
    readonly code: ErrorCode,
    keyOrMessage: string,
    values?: MessageValues,
  ) {
    const key = isMessageKey(keyOrMessage) ? keyOrMessage : undefined;
    super(key ? englishFor(key, values) : keyOrMessage);
    this.name = 'StationError';
    this.says = key ? { key, ...(values ? { values } : {}) } : undefined;
  }
}
