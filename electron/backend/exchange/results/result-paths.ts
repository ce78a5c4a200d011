import type { Db } from '../../library/db.ts';
import { safeFolderName } from '../../safe-fs/folder-name.ts';

/** Forward slashes, one Unicode form, no "./" in front: how MegaDetector's own tools compare paths. */
export function normalizeResultPath(p: string): string {
  const forward = p.trim().normalize('NFC').replace(/\\/g, '/');
  let s = forward.replace(/\/{2,}/g, '/');
  if (forward.startsWith('//')) s = `/${s}`;
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

/** The starts a path's folder offers: the folder itself, then each folder above it, down to none. */
export function candidateRoots(folder: string): string[] {
  const parts = folder ? folder.split('/') : [];
  const roots: string[] = [];
  for (let i = parts.length; i >= 0; i -= 1) {
    const root = parts.slice(0, i).join('/');
    if (!roots.includes(root)) roots.push(root);
  }
  return roots;
}

/** The part of a path after the root; null when the path does not start there. */
export function stripRoot(file: string, root: string): string | null {
  if (root === '') return file.replace(/^\/+/, '');
  const lowerRoot = root.toLowerCase().replace(/\/+$/, '');
  const lower = file.toLowerCase();
  if (!lower.startsWith(`${lowerRoot}/`)) return null;
  return file.slice(lowerRoot.length + 1);
}

/** Where in the library the rest of a path is looked for: media/, or a deployment's folder in it. */
export function libraryFolders(db: Db): string[] {
  const ids = db.prepare('SELECT deployment_id AS id FROM deployments ORDER BY deployment_id').all() as { id: string }[];
  return ['media', ...new Set(ids.map((d) => `media/${safeFolderName(d.id)}`))];
}

export interface MediaHit {
  mediaPk: number;
  deploymentID: string;
  filePath: string;
}

/** Library paths are compared without case, as the library's own index does (media_path_nocase). */
export function mediaLookup(db: Db): (libraryPath: string) => MediaHit | undefined {
  const find = db.prepare('SELECT media_pk AS mediaPk, deployment_id AS deploymentID, file_path AS filePath FROM media WHERE file_path = ? COLLATE NOCASE LIMIT 1');
  return (libraryPath) => find.get(libraryPath) as MediaHit | undefined;
}

export function libraryPathOf(file: string, root: string, folder: string): string | null {
  const rest = stripRoot(file, root);
  return rest === null || rest === '' ? null : `${folder}/${rest}`;
}

function sampleOf<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)] as T);
}

export interface Mapping {
  root: string;
  folder: string;
  /** The roots and library folders to offer, best guesses first. */
  roots: string[];
  folders: string[];
}

/**
 * The root to strip and the library folder to put in its place that find the most files of a
 * sample: MegaDetector run on the library's media folder, on a copy elsewhere, or on a card that
 * became one deployment's folder. What the user gave is kept.
 */
export function suggestMapping(db: Db, paths: readonly string[], given: { root?: string; folder?: string }): Mapping {
  const sample = sampleOf(paths, 100);
  // The starts of the sampled paths, those most of them share first: a few files from elsewhere
  // (another card, another disk) must not hide the start the others have in common.
  const shared = new Map<string, number>();
  for (const p of sample) for (const r of candidateRoots(p.split('/').slice(0, -1).join('/'))) shared.set(r, (shared.get(r) ?? 0) + 1);
  const roots = [...shared.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([r]) => r).slice(0, 30);
  const folders = libraryFolders(db);
  const tryRoots = given.root !== undefined ? [normalizeResultPath(given.root).replace(/\/+$/, '')] : roots;
  const tryFolders = given.folder !== undefined ? [given.folder] : folders;
  const lookup = mediaLookup(db);
  const screen = sampleOf(sample, 10);
  const found = (list: readonly string[], root: string, folder: string) =>
    list.reduce((n, p) => {
      const at = libraryPathOf(p, root, folder);
      return at !== null && lookup(at) ? n + 1 : n;
    }, 0);
  let best = { root: tryRoots[0] ?? '', folder: tryFolders[0] ?? 'media', score: 0 };
  // The library's media folder first: MegaDetector is most often run on a copy of it.
  search: for (const folder of tryFolders) {
    for (const root of tryRoots) {
      if (found(screen, root, folder) === 0 && tryRoots.length * tryFolders.length > 1) continue;
      const score = found(sample, root, folder);
      if (score > best.score) best = { root, folder, score };
      if (score === sample.length) break search;
    }
  }
  return { root: best.root, folder: best.folder, roots: [best.root, ...roots.filter((r) => r !== best.root)], folders: [best.folder, ...folders.filter((f) => f !== best.folder)] };
}
