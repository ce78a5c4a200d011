import fs from 'node:fs';
import path from 'node:path';
import type { Volume } from './contract.ts';

/** Where each system mounts removable media. CAMTRAP_VOLUME_ROOTS (path-separated) overrides, for tests and odd setups. */
export function volumeRoots(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): { roots: string[]; depth: number[] } {
  if (env.CAMTRAP_VOLUME_ROOTS) {
    const roots = env.CAMTRAP_VOLUME_ROOTS.split(path.delimiter).filter(Boolean);
    return { roots, depth: roots.map(() => 2) };
  }
  if (platform === 'darwin') return { roots: ['/Volumes'], depth: [1] };
  if (platform === 'win32') {
    const letters = 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`);
    return { roots: letters, depth: letters.map(() => 0) };
  }
  // Linux: udisks mounts under /media/<user>/<label> or /run/media/<user>/<label>; some setups use /media/<label>.
  return { roots: ['/media', '/run/media'], depth: [2, 2] };
}

function hasDcim(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((n) => n.toUpperCase() === 'DCIM');
  } catch {
    return false;
  }
}

function childrenOf(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() || e.isSymbolicLink())
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/** Mounted volumes that look like camera cards: a DCIM folder at their top. */
export function listVolumes(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): Volume[] {
  const { roots, depth } = volumeRoots(platform, env);
  const found = new Map<string, Volume>();
  roots.forEach((root, i) => {
    // Look at every level down to the mount depth: /media/<label> and /media/<user>/<label> both occur.
    let level = [root];
    for (let d = 0; d <= (depth[i] ?? 1); d += 1) {
      for (const dir of level) if (hasDcim(dir)) found.set(dir, { path: dir, label: path.basename(dir) || dir, hasDcim: true });
      level = level.flatMap(childrenOf);
    }
  });
  return [...found.values()];
}

/** Polls for newly mounted cards; a poll is cheap (a few readdir calls) and works on every system. */
export function watchVolumes(onMounted: (v: Volume) => void, intervalMs = 2000): () => void {
  let known = new Set(listVolumes().map((v) => v.path));
  const timer = setInterval(() => {
    const now = listVolumes();
    for (const v of now) if (!known.has(v.path)) onMounted(v);
    known = new Set(now.map((v) => v.path));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
