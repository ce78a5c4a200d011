import fs from 'node:fs';
import type { DomainHandlers } from '../rpc/handler-types.ts';
import type { appMethods } from './contract.ts';

export const appHandlers: DomainHandlers<typeof appMethods> = {
  'app.log': ({ lines }, station) => {
    const file = station.logger.todayFile();
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    return { file, folder: station.logger.dir, lines: text.trimEnd().split('\n').filter(Boolean).slice(-lines) };
  },
};
