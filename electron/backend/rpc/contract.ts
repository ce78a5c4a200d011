import type { z } from 'zod';
import { analysisMethods } from '../analysis/contract.ts';
import { appMethods } from '../app/contract.ts';
import { detectEvents, detectMethods } from '../detect/contract.ts';
import { engineEvents, engineMethods } from '../engine/contract.ts';
import { ingestEvents, ingestMethods } from '../ingest/contract.ts';
import { libraryMethods } from '../library/contract.ts';
import { reviewMethods } from '../review/contract.ts';
import type { EventSpec, MethodSpec } from './define.ts';

/** Every method the renderer, the CLI and the tests may call, each with the schema its input is checked against. */
export const methods = { ...appMethods, ...libraryMethods, ...ingestMethods, ...detectMethods, ...engineMethods, ...reviewMethods, ...analysisMethods } as const;

/** Every event the backend pushes. */
export const events = { ...ingestEvents, ...detectEvents, ...engineEvents } as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;

/** What a caller sends (defaults may be left out). */
export type ParamsOf<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type InputOf<M extends MethodName> = z.output<Methods[M]['input']>;
export type ResultOf<M extends MethodName> = Methods[M] extends MethodSpec<z.ZodType, infer R> ? R : never;
export type PayloadOf<E extends EventName> = (typeof events)[E] extends EventSpec<infer P> ? P : never;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
