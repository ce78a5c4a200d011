import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Supervisor } from '../../../electron/supervisor.ts';

/** A stand-in for Electron's utilityProcess, which cannot run here: it only exits when told. */
class FakeChild extends EventEmitter {
  killed = false;
  kill(): void {
    this.killed = true;
  }
  die(code: number | null): void {
    this.emit('exit', code);
  }
}

function build() {
  let now = 0;
  const timers: { fn: () => void; ms: number }[] = [];
  const children: FakeChild[] = [];
  const events: string[] = [];
  const supervisor = new Supervisor(
    () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    (_c, restart) => events.push(restart ? 'restarted' : 'started'),
    (code) => events.push(`lost ${code}`),
    { delaysMs: [100, 200, 400], stableMs: 1000, now: () => now, setTimer: (fn, ms) => timers.push({ fn, ms }) },
  );
  const runTimers = (): void => {
    for (const t of timers.splice(0)) t.fn();
  };
  return { supervisor, children, events, timers, runTimers, advance: (ms: number) => (now += ms) };
}

describe('the backend supervisor', () => {
  it('starts the backend again after it dies, waiting longer while it keeps dying', () => {
    const s = build();
    s.supervisor.start();
    s.children[0]?.die(1);
    expect(s.timers.map((t) => t.ms)).toEqual([100]);
    s.runTimers();
    s.children[1]?.die(null);
    expect(s.timers.map((t) => t.ms)).toEqual([200]);
    s.runTimers();
    s.children[2]?.die(1);
    s.runTimers();
    s.children[3]?.die(1);
    expect(s.timers.map((t) => t.ms)).toEqual([400]);
    s.runTimers();
    expect(s.events).toEqual(['started', 'lost 1', 'restarted', 'lost null', 'restarted', 'lost 1', 'restarted', 'lost 1', 'restarted']);
    expect(s.supervisor.current).toBe(s.children[4]);
  });

  it('waits the shortest time again after a backend that ran for a while', () => {
    const s = build();
    s.supervisor.start();
    s.children[0]?.die(1);
    s.runTimers();
    s.advance(5000);
    s.children[1]?.die(1);
    expect(s.timers.map((t) => t.ms)).toEqual([100]);
  });

  it('does not restart what it was asked to stop', () => {
    const s = build();
    s.supervisor.start();
    const first = s.children[0];
    s.supervisor.stop();
    first?.die(0);
    expect(first?.killed).toBe(true);
    expect(s.timers).toEqual([]);
    expect(s.events).toEqual(['started']);
  });
});
