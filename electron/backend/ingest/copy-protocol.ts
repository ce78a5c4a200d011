/** Messages between the import and its copy workers. */
export interface CopyRequest {
  id: number;
  source: string;
  /** Where the copy goes; null to only hash (a file that is probably in the library already). */
  destination: string | null;
}

export type CopyReply =
  | { id: number; kind: 'progress'; bytes: number }
  | { id: number; kind: 'done'; sha256: string; size: number; head: Uint8Array; tail: Uint8Array }
  | { id: number; kind: 'failed'; side: 'source' | 'destination'; code: string | undefined; message: string };
