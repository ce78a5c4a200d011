import fs from 'node:fs';
import path from 'node:path';
import { StationError } from '../rpc/envelope.ts';

/**
 * A path that came from outside (the library's database, a request, a worker) as a path under
 * root: plain relative parts joined by '/', none empty, '.' or '..', no NUL, no drive or
 * backslash. Anything else is refused, so nothing is ever read or written outside the library.
 */
export function resolveInside(root: string, relative: string): string {
  const parts = typeof relative === 'string' ? relative.split('/') : [];
  const bad =
    parts.length === 0 ||
    relative.includes('\0') ||
    relative.includes('\\') ||
    /^[a-zA-Z]:/.test(relative) ||
    parts.some((p) => p === '' || p === '.' || p === '..');
  if (bad) throw new StationError('invalid-input', 'library-path-outside', { path: JSON.stringify(String(relative).slice(0, 200)) });
  return path.join(root, ...parts);
}

/**
 * Refuses a path under root any of whose folders (or itself) is a link: a library from someone
 * else may hold links that point anywhere. Parts that do not exist yet are fine.
 */
export function assertNoLinks(root: string, absolute: string): void {
  const rel = path.relative(root, absolute);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new StationError('invalid-input', 'path-not-in-library', { path: absolute });
  let at = root;
  for (const part of rel.split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(at);
    } catch {
      return;
    }
    if (stat.isSymbolicLink()) throw new StationError('unsafe-library', 'library-holds-link', { path: path.relative(root, at) });
  }
}

/** A file the library names, checked both ways: inside the root and reached through no link. */
export function libraryFile(root: string, relative: string): string {
  const file = resolveInside(root, relative);
  assertNoLinks(root, file);
  return file;
}
