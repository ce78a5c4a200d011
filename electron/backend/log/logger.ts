import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  readonly dir: string;
  info(message: string, data?: Record<string, unknown>): void;
  /** Logs an error with a short reference that is shown to the user, so that a helper can find it in the log. */
  error(message: string, err?: unknown, data?: Record<string, unknown>): string;
  todayFile(): string;
}

function day(date = new Date()): string {
  return date.toISOString().slice(0, 10);
}

/** One file a day, lines of JSON, so a user can send one file and a helper can grep it. */
export function createLogger(dir: string): Logger {
  fs.mkdirSync(dir, { recursive: true });
  const todayFile = () => path.join(dir, `camtrap-station-${day()}.log`);
  const write = (level: string, message: string, extra: Record<string, unknown>) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, pid: process.pid, message, ...extra });
    try {
      fs.appendFileSync(todayFile(), `${line}\n`);
    } catch {
      // A log that cannot be written must not take the app down with it.
    }
  };
  return {
    dir,
    todayFile,
    info: (message, data = {}) => write('info', message, data),
    error: (message, err, data = {}) => {
      const ref = `E-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
      const e = err instanceof Error ? { error: err.message, stack: err.stack } : err === undefined ? {} : { error: String(err) };
      write('error', message, { ref, ...e, ...data });
      return ref;
    },
  };
}
