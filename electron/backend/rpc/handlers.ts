import { analysisHandlers } from '../analysis/handlers.ts';
import { appHandlers } from '../app/handlers.ts';
import { detectHandlers } from '../detect/handlers.ts';
import { engineHandlers } from '../engine/handlers.ts';
import { ingestHandlers } from '../ingest/handlers.ts';
import { libraryHandlers } from '../library/handlers.ts';
import { reviewHandlers } from '../review/handlers.ts';
import type { Methods } from './contract.ts';
import type { DomainHandlers } from './handler-types.ts';

/** The one list of domains; each domain owns its handlers. */
export const handlers: DomainHandlers<Methods> = { ...appHandlers, ...libraryHandlers, ...ingestHandlers, ...detectHandlers, ...engineHandlers, ...reviewHandlers, ...analysisHandlers };
