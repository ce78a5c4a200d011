import type { Station } from '../app/station.ts';
import type { InputOf, MethodName, ResultOf } from './contract.ts';

export type Handler<M extends MethodName> = (input: InputOf<M>, station: Station) => ResultOf<M> | Promise<ResultOf<M>>;

/** A domain's handlers: exactly the methods of its part of the contract. */
export type DomainHandlers<Spec> = { [M in keyof Spec & MethodName]: Handler<M> };
