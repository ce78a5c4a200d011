import { z } from 'zod';
import { event, method } from '../rpc/define.ts';
import type { Says } from '../rpc/messages.ts';
import { chosenPath } from '../rpc/paths.ts';

/** Where the container engine stands, in states a user can act on. */
export type EngineState = 'not-installed' | 'not-running' | 'no-permission' | 'running-no-gpu' | 'running-gpu';

export interface WorkerImageInfo {
  tag: string;
  loaded: boolean;
  /** The bundled (or picked) tarball, when one is known. */
  tarball: string | null;
  sha256: string | null;
  bytes: number | null;
}

export interface EngineStatus {
  state: EngineState;
  /** What to do about it, in plain words (English, for the command line and the log). */
  advice: string;
  /** The advice as a message key (engine-<state>), to show in the user's language. */
  says: Says;
  socket: string | null;
  engine: string | null;
  version: string | null;
  runtimes: string[];
  gpus: number;
  image: WorkerImageInfo;
}

export interface LoadProgress {
  phase: 'checking' | 'sending' | 'loading' | 'done';
  bytesDone: number;
  bytesTotal: number;
  /** In English, for the command line and the log. */
  detail: string;
  /** The detail as a message key, to show in the user's language. */
  says: Says;
}

export const engineMethods = {
  'engine.status': method<EngineStatus>()(z.object({})),
  'engine.loadImage': method<WorkerImageInfo>()(z.object({ tarball: chosenPath('choose-worker-image').optional() })),
} as const;

export const engineEvents = {
  'engine.loadProgress': event<LoadProgress>(),
} as const;
