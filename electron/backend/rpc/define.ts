import type { z } from 'zod';

/**
 * A method of the contract: the zod schema the backend validates its input with, and the
 * type of its result. The result is a phantom type: it exists only for the compiler.
 */
export interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  result?: R;
}

/** Curried so that the result type is written and the input type is inferred: method<R>()(schema). */
export function method<R>(): <I extends z.ZodType>(input: I) => MethodSpec<I, R> {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
}

/** An event the backend pushes; the payload type is phantom as well. */
export interface EventSpec<P> {
  payload?: P;
}

export function event<P>(): EventSpec<P> {
  return {};
}

/** What a handler receives after validation and defaults, and what it returns. */
export type InputOfSpec<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type ResultOfSpec<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;

/** The payload types of a set of events, by name. */
export type PayloadMap<Events> = { [E in keyof Events]: Events[E] extends EventSpec<infer P> ? P : never };

/**
 * A domain's handlers: exactly the methods of its part of the contract, each given only the
 * narrow context the domain declares (its services), never the whole backend.
 */
export type DomainHandlers<Spec, Ctx> = {
  [M in keyof Spec]: (input: InputOfSpec<Spec[M]>, ctx: Ctx) => ResultOfSpec<Spec[M]> | Promise<ResultOfSpec<Spec[M]>>;
};
