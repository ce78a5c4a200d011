import type { z } from 'zod';
import { analysisMethods } from '../analysis/contract.ts';
import { backendEvents } from '../app/backend-events.ts';
import { appMethods } from '../app/contract.ts';
import { browseMethods } from '../browse/contract.ts';
import { detectMethods } from '../detect/contract.ts';
import { engineMethods } from '../engine/contract.ts';
import { camtrapExportMethods } from '../exchange/camtrap-dp/contract.ts';
import { packageImportMethods } from '../exchange/camtrap-dp/import/contract.ts';
import { camtraprMethods } from '../exchange/camtrapr/contract.ts';
import { projectMethods } from '../exchange/project/contract.ts';
import { resultsMethods } from '../exchange/results/contract.ts';
import { ingestMethods } from '../ingest/contract.ts';
import { libraryMethods } from '../library/contract.ts';
import { reviewMethods } from '../review/contract.ts';
import type { InputOfSpec, PayloadMap, ResultOfSpec } from '../rpc/define.ts';
import { taskMethods } from '../tasks/contract.ts';

/** Every method the renderer, the CLI and the tests may call, each with the schema its input is checked against. */
export const methods = { ...appMethods, ...libraryMethods, ...ingestMethods, ...detectMethods, ...engineMethods, ...reviewMethods, ...analysisMethods, ...taskMethods, ...browseMethods, ...camtrapExportMethods, ...projectMethods, ...packageImportMethods, ...resultsMethods, ...camtraprMethods } as const;

/** Every event the backend pushes. */
export const events = backendEvents;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;

/** What a caller sends (defaults may be left out). */
export type ParamsOf<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type InputOf<M extends MethodName> = InputOfSpec<Methods[M]>;
export type ResultOf<M extends MethodName> = ResultOfSpec<Methods[M]>;
export type PayloadOf<E extends EventName> = PayloadMap<typeof events>[E];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
