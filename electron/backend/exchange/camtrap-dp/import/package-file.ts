import fs from 'node:fs';
import path from 'node:path';

export type PackageFileLookup = { found: true; file: string; size: number; mtimeMs: number } | { found: false; why: 'unsafe' | 'missing' | 'link' | 'not-a-file' };

export function isUrl(p: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(p);
}

/**
 * A file a package names, under `root`: a plain relative path (forward slashes, no '..', no
 * drive, nothing absolute) to a regular file, reached through no link. A package comes from
 * anyone: nothing it names may lead the import to read outside the folder.
 */
export function fileInside(root: string, relative: string): PackageFileLookup {
  const parts = relative.split('/');
  if (relative.includes('\0') || relative.includes('\\') || relative.startsWith('/') || /^[a-zA-Z]:/.test(relative) || parts.some((p) => p === '' || p === '..')) {
    return { found: false, why: 'unsafe' };
  }
  const steps = parts.filter((p) => p !== '.');
  let at = root;
  let stat: fs.Stats | undefined;
  for (const part of steps) {
    at = path.join(at, part);
    try {
      stat = fs.lstatSync(at);
    } catch {
      return { found: false, why: 'missing' };
    }
    if (stat.isSymbolicLink()) return { found: false, why: 'link' };
  }
  if (!stat?.isFile()) return { found: false, why: stat ? 'not-a-file' : 'missing' };
  return { found: true, file: at, size: stat.size, mtimeMs: stat.mtimeMs };
}
