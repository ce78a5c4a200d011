import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Every file under a folder with its size, modification time and hash: equal snapshots mean nothing changed. */
export function snapshotTree(root: string): Record<string, { size: number; mtimeMs: number; sha256: string }> {
  const out: Record<string, { size: number; mtimeMs: number; sha256: string }> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else {
        const s = fs.statSync(abs);
        out[path.relative(root, abs)] = { size: s.size, mtimeMs: s.mtimeMs, sha256: crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex') };
      }
    }
  };
  walk(root);
  return out;
}
