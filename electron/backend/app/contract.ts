import { z } from 'zod';
import type { RecentLibrary } from '../library/contract.ts';
import { method } from '../rpc/define.ts';

export interface LogInfo {
  file: string;
  folder: string;
  lines: string[];
}

export const appMethods = {
  'app.log': method<LogInfo>()(z.object({ lines: z.number().int().min(1).max(2000).default(200) })),
  'library.recent': method<RecentLibrary[]>()(z.object({})),
} as const;
