import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/backend/events/event-bus.ts';

interface Events {
  'a.done': { n: number };
  'b.said': string;
}

describe('the typed event bus', () => {
  it('hands every event to subscribers and one event to listeners of its name, until they unsubscribe', () => {
    const bus = createEventBus<Events>();
    const all: string[] = [];
    const numbers: number[] = [];
    const stopAll = bus.subscribe((name, payload) => all.push(name === 'a.done' ? `a:${payload.n}` : `b:${payload}`));
    const stopA = bus.on('a.done', (p) => numbers.push(p.n));
    bus.emit('a.done', { n: 1 });
    bus.emit('b.said', 'hi');
    stopA();
    bus.emit('a.done', { n: 2 });
    stopAll();
    bus.emit('a.done', { n: 3 });
    expect(all).toEqual(['a:1', 'b:hi', 'a:2']);
    expect(numbers).toEqual([1]);
  });

  it('lets a listener unsubscribe while an event is being delivered', () => {
    const bus = createEventBus<Events>();
    const seen: string[] = [];
    const stop = bus.on('b.said', (s) => {
      seen.push(`first ${s}`);
      stop();
    });
    bus.on('b.said', (s) => seen.push(`second ${s}`));
    bus.emit('b.said', 'x');
    bus.emit('b.said', 'y');
    expect(seen).toEqual(['first x', 'second x', 'second y']);
  });
});
