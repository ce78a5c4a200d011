import { z } from 'zod';
import type { RecentLibrary } from '../library/contract.ts';
import { method } from '../rpc/define.ts';

export interface LogInfo {
  file: string;
  folder: string;
  lines: string[];
}

/** Where a first library goes with one click. */
export interface LibraryPlace {
  path: string;
  /** A library is already there: open it rather than make one. */
  isLibrary: boolean;
}

export const appMethods = {
  'app.log': method<LogInfo>()(z.object({ lines: z.number().int().min(1).max(2000).default(200) })),
  'library.recent': method<RecentLibrary[]>()(z.object({})),
  /** Where a first library goes with one click. */
  'library.defaultPlace': method<LibraryPlace>()(z.object({})),
} as const;
