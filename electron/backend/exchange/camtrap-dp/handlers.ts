import type { camtrapExportMethods } from './contract.ts';
import { exportCamtrapDp } from './export/export-package.ts';
import type { LibraryAccess } from '../../library/library-session.ts';
import type { Logger } from '../../log/logger.ts';
import type { DomainHandlers } from '../../rpc/define.ts';
import type { TaskRegistry } from '../../tasks/task-registry.ts';

export interface CamtrapExportContext {
  library: LibraryAccess;
  tasks: Pick<TaskRegistry, 'start'>;
  logger: Pick<Logger, 'info'>;
}

export const camtrapExportHandlers: DomainHandlers<typeof camtrapExportMethods, CamtrapExportContext> = {
  'exchange.exportCamtrapDp': (options, { library, tasks, logger }) => exportCamtrapDp(library.require(), options, { startTask: (spec) => tasks.start(spec), logger }),
};
