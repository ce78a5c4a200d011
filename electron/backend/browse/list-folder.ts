import fs from 'node:fs';
import path from 'node:path';
import type { FolderEntry, FolderListing } from './contract.ts';
import { StationError } from '../rpc/envelope.ts';

const maxEntries = 2000;

/** Folders of the system that hold nothing a person keeps pictures or maps in: left out at the top of the disk. */
const systemFolders = new Set(['bin', 'boot', 'dev', 'etc', 'lib', 'lib32', 'lib64', 'libx32', 'lost+found', 'proc', 'run', 'sbin', 'snap', 'srv', 'sys', 'usr', 'var', 'System', 'Windows', 'Program Files', 'Program Files (x86)', 'ProgramData', '$Recycle.Bin']);

function hidden(name: string, atTop: boolean): boolean {
  return name.startsWith('.') || name.startsWith('$') || (atTop && systemFolders.has(name));
}

function entryKind(dir: string, entry: fs.Dirent): 'folder' | 'file' | null {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return null;
  try {
    const stat = fs.statSync(path.join(dir, entry.name));
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/** One folder's subfolders (and files with the given endings), sorted as a person reads them, hidden and system folders left out. */
export function listFolder(folder: string, extensions: string[]): FolderListing {
  const dir = path.resolve(folder);
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StationError('not-found', 'folder-gone', { path: dir });
    if (code === 'ENOTDIR') throw new StationError('invalid-input', 'is-a-file-not-a-folder', { path: dir });
    if (code === 'EACCES' || code === 'EPERM') throw new StationError('not-writable', 'folder-not-readable', { path: dir });
    throw new StationError('not-found', 'folder-not-opened', { path: dir, code: code ?? 'error' });
  }
  const atTop = path.dirname(dir) === dir;
  const wanted = extensions.map((e) => e.toLowerCase());
  const entries: FolderEntry[] = [];
  for (const d of dirents) {
    if (hidden(d.name, atTop)) continue;
    const kind = entryKind(dir, d);
    if (kind === 'folder' || (kind === 'file' && wanted.some((e) => d.name.toLowerCase().endsWith(e)))) entries.push({ name: d.name, path: path.join(dir, d.name), kind });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) : a.kind === 'folder' ? -1 : 1));
  return { path: dir, parent: atTop ? null : path.dirname(dir), entries: entries.slice(0, maxEntries), truncated: entries.length > maxEntries };
}
