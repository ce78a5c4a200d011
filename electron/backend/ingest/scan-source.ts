import fs from 'node:fs/promises';
import path from 'node:path';
import { mediaKindOf, type MediaKind } from './media-kinds.ts';
import { StationError } from '../rpc/envelope.ts';

export interface SourceFile {
  /** Path relative to the source root, with forward slashes: the same on every system. */
  relPath: string;
  absPath: string;
  size: number;
  mtimeMs: number;
  kind: MediaKind;
}

export interface SourceScan {
  root: string;
  files: SourceFile[];
  totalBytes: number;
  /** Files that are not media (camera logs, thumbnails of other systems): left where they are. */
  otherFiles: number;
}

// Folders that operating systems put on removable media; never camera data.
const systemFolders = new Set(['System Volume Information', '$RECYCLE.BIN', '.Trashes', '.Spotlight-V100', '.fseventsd', 'LOST.DIR']);

export async function scanSource(rootInput: string): Promise<SourceScan> {
  const root = path.resolve(rootInput);
  let stat;
  try {
    stat = await fs.stat(root);
  } catch {
    throw new StationError('source-missing', 'card-missing', { path: root });
  }
  if (!stat.isDirectory()) throw new StationError('invalid-input', 'card-is-a-file', { path: root });

  const files: SourceFile[] = [];
  let otherFiles = 0;
  async function walk(dir: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (systemFolders.has(entry.name) || entry.name.startsWith('._')) continue;
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(abs);
      } else if (entry.isFile()) {
        const kind = mediaKindOf(entry.name);
        if (!kind) {
          otherFiles += 1;
          continue;
        }
        const s = await fs.stat(abs);
        files.push({ relPath: path.relative(root, abs).split(path.sep).join('/'), absPath: abs, size: s.size, mtimeMs: s.mtimeMs, kind });
      }
    }
  }
  await walk(root);
  files.sort((a, b) => a.relPath.localeCompare(b.relPath, 'en', { numeric: true }));
  return { root, files, totalBytes: files.reduce((n, f) => n + f.size, 0), otherFiles };
}
