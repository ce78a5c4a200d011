import fs from 'node:fs';
import type { appMethods } from './contract.ts';
import { defaultLibraryPlace } from './default-library-place.ts';
import { readPreferences, writePreferences } from './preferences.ts';
import { recentLibraries } from './recent-libraries.ts';
import type { Logger } from '../log/logger.ts';
import type { DomainHandlers } from '../rpc/define.ts';

export interface AppContext {
  logger: Pick<Logger, 'todayFile' | 'dir'>;
  dataDir: string;
  /** The user's home folder. */
  home: string;
}

export const appHandlers: DomainHandlers<typeof appMethods, AppContext> = {
  'app.log': ({ lines }, { logger }) => {
    const file = logger.todayFile();
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    return { file, folder: logger.dir, lines: text.trimEnd().split('\n').filter(Boolean).slice(-lines) };
  },
  'library.recent': (_input, { dataDir }) => recentLibraries(dataDir),
  'library.defaultPlace': (_input, { home }) => defaultLibraryPlace(home),
  'app.preferences': (_input, { dataDir }) => readPreferences(dataDir),
  'app.setLanguage': ({ language }, { dataDir }) => writePreferences(dataDir, { language }),
};
