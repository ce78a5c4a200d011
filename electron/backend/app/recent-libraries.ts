import fs from 'node:fs';
import path from 'node:path';
import type { RecentLibrary } from '../library/contract.ts';

const maxRecent = 10;

interface Stored {
  root: string;
  openedAt: string;
}

function file(dataDir: string): string {
  return path.join(dataDir, 'recent-libraries.json');
}

function read(dataDir: string): Stored[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file(dataDir), 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((e): e is Stored => typeof e?.root === 'string' && typeof e?.openedAt === 'string') : [];
  } catch {
    return [];
  }
}

export function recentLibraries(dataDir: string): RecentLibrary[] {
  return read(dataDir).map((e) => ({ ...e, exists: fs.existsSync(path.join(e.root, 'library.sqlite')) }));
}

/** Written to a temporary name and renamed, so a crash never leaves a half-written list. */
export function rememberLibrary(dataDir: string, root: string): void {
  const list = [{ root, openedAt: new Date().toISOString() }, ...read(dataDir).filter((e) => e.root !== root)].slice(0, maxRecent);
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = `${file(dataDir)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(list, null, 2));
  fs.renameSync(tmp, file(dataDir));
}
