/** What the supervisor needs of a child process: to hear of its end, and to end it. */
export interface SupervisedChild {
  on(event: 'exit', listener: (code: number | null) => void): unknown;
  kill(): unknown;
}

export interface SupervisorOptions {
  /** Waits before each restart in a row; the last repeats. */
  delaysMs?: number[];
  /** A child that ran this long resets the waits. */
  stableMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * Keeps the backend process running: when it ends without being asked to, it is started again
 * after a wait that grows while it keeps failing, and the caller wires the new one (the window
 * gets a new port). No Electron here, so it is tested in plain Node.
 */
export class Supervisor<C extends SupervisedChild> {
  private child: C | null = null;
  private stopped = false;
  private failures = 0;
  private startedAt = 0;
  private readonly delays: number[];
  private readonly stableMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;

  constructor(
    private readonly spawn: () => C,
    private readonly onStarted: (child: C, restart: boolean) => void,
    private readonly onLost: (code: number | null) => void,
    options: SupervisorOptions = {},
  ) {
    this.delays = options.delaysMs ?? [500, 1000, 2000, 5000, 10_000];
    this.stableMs = options.stableMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  get current(): C | null {
    return this.child;
  }

  start(restart = false): void {
    if (this.stopped) return;
    const child = this.spawn();
    this.child = child;
    this.startedAt = this.now();
    child.on('exit', (code) => this.exited(child, code));
    this.onStarted(child, restart);
  }

  stop(): void {
    this.stopped = true;
    this.child?.kill();
    this.child = null;
  }

  private exited(child: C, code: number | null): void {
    if (this.stopped || child !== this.child) return;
    this.child = null;
    this.failures = this.now() - this.startedAt >= this.stableMs ? 1 : this.failures + 1;
    this.onLost(code);
    const delay = this.delays[Math.min(this.failures - 1, this.delays.length - 1)] ?? 1000;
    this.setTimer(() => this.start(true), delay);
  }
}
