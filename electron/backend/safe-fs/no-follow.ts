import fs from 'node:fs';
import path from 'node:path';
import { assertNoLinks } from './inside-root.ts';
import { StationError } from '../rpc/envelope.ts';

const { O_WRONLY, O_CREAT, O_TRUNC, O_NOFOLLOW } = fs.constants;

function notAFolder(root: string, at: string, stat: fs.Stats): StationError {
  return new StationError('unsafe-library', stat.isSymbolicLink() ? 'library-part-is-link' : 'library-part-is-file', { path: path.relative(root, at) });
}

/**
 * Makes the folders of `dir` below root one at a time, never through a link; a part that exists
 * must be a real folder. Each mkdir is tried once: a failure ends here with its reason.
 */
export function mkdirNoFollow(root: string, dir: string): void {
  assertNoLinks(root, dir);
  let at = root;
  for (const part of path.relative(root, dir).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    try {
      fs.mkdirSync(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const stat = fs.lstatSync(at);
    if (!stat.isDirectory()) throw notAFolder(root, at, stat);
  }
}

/** The same, from the promise side of fs, for imports that make many folders. */
export async function mkdirNoFollowAsync(root: string, dir: string): Promise<void> {
  assertNoLinks(root, dir);
  let at = root;
  for (const part of path.relative(root, dir).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    await fs.promises.mkdir(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    const stat = await fs.promises.lstat(at);
    if (!stat.isDirectory()) throw notAFolder(root, at, stat);
  }
}

/** Writes a whole file, refusing when its name is a link (O_NOFOLLOW): nothing is written through one. */
export function writeFileNoFollow(file: string, data: Buffer | string): void {
  const fd = fs.openSync(file, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644);
  try {
    fs.writeFileSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}
