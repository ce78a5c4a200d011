import { z } from 'zod';
import { languageCodes } from '../../../locales/languages.ts';
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

/** What the person chose that outlives a library: kept in the app's data folder. */
export const preferencesSchema = z.object({ language: z.enum(languageCodes).nullable().catch(null) });
export type Preferences = z.infer<typeof preferencesSchema>;

export const appMethods = {
  'app.log': method<LogInfo>()(z.object({ lines: z.number().int().min(1).max(2000).default(200) })),
  'library.recent': method<RecentLibrary[]>()(z.object({})),
  /** Where a first library goes with one click. */
  'library.defaultPlace': method<LibraryPlace>()(z.object({})),
  'app.preferences': method<Preferences>()(z.object({})),
  'app.setLanguage': method<Preferences>()(z.object({ language: z.enum(languageCodes) })),
} as const;
