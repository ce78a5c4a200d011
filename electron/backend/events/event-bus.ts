/** A listener is called with an event's name and its payload; checking the name narrows the payload. */
export type EventArgs<Payloads> = { [E in keyof Payloads]: [name: E, payload: Payloads[E]] }[keyof Payloads];
export type EventListener<Payloads> = (...args: EventArgs<Payloads>) => void;
/** A name and its payload; an emitter of more events may stand in for one of fewer. */
export type Emit<Payloads> = (...args: EventArgs<Payloads>) => void;

export interface EventBus<Payloads> {
  emit: Emit<Payloads>;
  /** Every event; returns the function that unsubscribes. */
  subscribe(listener: EventListener<Payloads>): () => void;
  /** One event by name, its payload typed. */
  on<E extends keyof Payloads>(name: E, listener: (payload: Payloads[E]) => void): () => void;
}

/** The backend's typed event bus: services get its emit, the roof (channels, CLI, tests) subscribes. */
export function createEventBus<Payloads>(): EventBus<Payloads> {
  const listeners = new Set<EventListener<Payloads>>();
  const subscribe = (listener: EventListener<Payloads>): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    emit: (...args) => {
      for (const listener of [...listeners]) listener(...args);
    },
    subscribe,
    on: (name, listener) =>
      subscribe((...args) => {
        if (args[0] === name) listener(args[1] as Payloads[typeof name]);
      }),
  };
}
