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
  message: string;
  /** Short reference that also appears in the day's log file, so a helper can find the details. */
  ref?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** A failure a user can act on: its message is shown as it is. */
export class StationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StationError';
  }
}
