import type Database from 'better-sqlite3';
import { StationError } from '../rpc/envelope.ts';
import { migrations, latestVersion } from './migrations/index.ts';

/**
 * Applies all pending migrations in one transaction, so that a library is always at one
 * numbered version and never between two. A library written by a newer app is refused
 * before anything is touched: an older app could misread or damage it.
 */
export function newerLibrary(version: number): StationError {
  return new StationError('library-newer', 'library-newer', { version, latest: latestVersion });
}

export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latestVersion) throw newerLibrary(from);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: latestVersion };
}
