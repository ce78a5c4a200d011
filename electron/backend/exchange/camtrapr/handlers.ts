import type { camtraprMethods } from './contract.ts';
import { importDeploymentsCsv, previewDeploymentsCsv } from './deployments-csv/import-deployments.ts';
import { exportCsv } from './export-csv.ts';
import type { LibraryAccess } from '../../library/library-session.ts';
import type { DomainHandlers } from '../../rpc/define.ts';

export interface CamtraprContext {
  library: LibraryAccess;
}

export const camtraprHandlers: DomainHandlers<typeof camtraprMethods, CamtraprContext> = {
  'exchange.exportCsv': (input, { library }) => exportCsv(library.require(), input),
  'exchange.previewDeploymentsCsv': ({ file, ...choices }, { library }) => previewDeploymentsCsv(library.require().db, file, choices),
  'exchange.importDeploymentsCsv': ({ file, skipProblemRows, ...choices }, { library }) => importDeploymentsCsv(library.require().db, file, choices, skipProblemRows),
};
