import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Tmpfs {
  dir: string;
  remountReadOnly(): void;
  unmount(): void;
}

/**
 * A small real filesystem of its own, to fill up or make read-only. Needs mount rights (root,
 * as in CI); otherwise returns the reason, and the test that needs it says it did not run.
 */
export function mountTmpfs(dir: string, sizeBytes: number, readOnly = false): Tmpfs | string {
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()}): this test needs root`;
  return {
    dir,
    remountReadOnly: () => {
      spawnSync('mount', ['-o', 'remount,ro', dir]);
    },
    unmount: () => {
      spawnSync('umount', ['-l', dir]);
    },
  };
}

export function fillDisk(dir: string, leaveBytes: number): void {
  const s = fs.statfsSync(dir);
  const free = s.bavail * s.bsize;
  const size = Math.max(0, free - leaveBytes);
  const fd = fs.openSync(path.join(dir, 'filler.bin'), 'w');
  const chunk = Buffer.alloc(1 << 20, 1);
  let written = 0;
  try {
    while (written < size) written += fs.writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
  } catch {
    // Full: that was the point.
  } finally {
    fs.closeSync(fd);
  }
}
