import type { Methods } from './contract.ts';
import { analysisHandlers } from '../analysis/handlers.ts';
import type { Backend } from '../app/backend.ts';
import { appHandlers } from '../app/handlers.ts';
import { browseHandlers } from '../browse/handlers.ts';
import { detectHandlers } from '../detect/handlers.ts';
import { engineHandlers } from '../engine/handlers.ts';
import { camtrapExportHandlers } from '../exchange/camtrap-dp/handlers.ts';
import { packageImportHandlers } from '../exchange/camtrap-dp/import/handlers.ts';
import { camtraprHandlers } from '../exchange/camtrapr/handlers.ts';
import { projectHandlers } from '../exchange/project/handlers.ts';
import { resultsHandlers } from '../exchange/results/handlers.ts';
import { ingestHandlers } from '../ingest/handlers.ts';
import { libraryHandlers } from '../library/handlers.ts';
import { reviewHandlers } from '../review/handlers.ts';
import type { DomainHandlers } from '../rpc/define.ts';
import { taskHandlers } from '../tasks/handlers.ts';

/** The one list of domains; each domain owns its handlers, and each handler sees only its domain's context. */
export const handlers: DomainHandlers<Methods, Backend> = {
  ...appHandlers,
  ...libraryHandlers,
  ...ingestHandlers,
  ...detectHandlers,
  ...engineHandlers,
  ...reviewHandlers,
  ...analysisHandlers,
  ...taskHandlers,
  ...browseHandlers,
  ...camtrapExportHandlers,
  ...projectHandlers,
  ...packageImportHandlers,
  ...resultsHandlers,
  ...camtraprHandlers,
};
