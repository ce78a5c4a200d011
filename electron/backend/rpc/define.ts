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
export function method<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
}

/** An event the backend pushes; the payload type is phantom as well. */
export interface EventSpec<P> {
  payload?: P;
}

export function event<P>(): EventSpec<P> {
  return {};
}
