import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LocalFile, LocatedMedium } from './locate-media.ts';
import { Problems, refused, throwIfCancelled } from './refusal.ts';
import { formatBytes } from '../../../ingest/contract.ts';
import { CopyError, sharedCopyPool } from '../../../ingest/copy-pool.ts';
import { chooseDestination } from '../../../ingest/destination.ts';
import { DirectorySyncer } from '../../../ingest/directory-sync.ts';
import { freeBytes, reserveBytes } from '../../../ingest/disk-space.ts';
import { contentMatches, jpegIsTruncated } from '../../../ingest/media-kinds.ts';
import { fileTime, readMetadata, type MediaMetadata } from '../../../ingest/read-metadata.ts';
import type { Library } from '../../../library/open-library.ts';
import { mkdirNoFollowAsync } from '../../../safe-fs/no-follow.ts';

export interface CopiedMedium {
  located: LocatedMedium & { local: LocalFile };
  /** media/<deployment folder>/..., as the media table keeps it. */
  relative: string;
  sha256: string;
  size: number;
  meta: MediaMetadata;
  truncated: boolean;
}

/** Files in hand at once: enough to keep the copy threads busy. */
const concurrency = 8;

/**
 * Copies a package's files into the library as a card import does: each read once, hashed,
 * flushed, checked to be what its name says, then renamed into place. Until the import's
 * transaction commits, every file placed is listed, so a refusal or a cancel removes them all.
 */
export class MediaCopier {
  private readonly placed: string[] = [];
  private readonly reserved = new Set<string>();
  private readonly hashes = new Map<string, string>();
  private readonly directories = new DirectorySyncer();
  private readonly madeFolders = new Set<string>();
  private readonly readyFolders = new Set<string>();

  constructor(
    private readonly library: Library,
    private readonly signal: AbortSignal,
    private readonly onFile: (done: number, total: number) => void,
  ) {}

  async copyAll(items: (LocatedMedium & { local: LocalFile })[]): Promise<CopiedMedium[]> {
    const total = items.reduce((n, i) => n + i.local.size, 0);
    const free = freeBytes(this.library.paths.root);
    if (total + reserveBytes(total) > free) throw refused('package-import-no-space', { needed: formatBytes(total), free: formatBytes(free) });
    const problems = new Problems();
    const copied: CopiedMedium[] = [];
    const queue = [...items];
    let done = 0;
    const worker = async (): Promise<void> => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (problems.count > 0 || this.signal.aborted) return;
        const result = await this.copyOne(item, problems);
        if (result) copied.push(result);
        done += 1;
        this.onFile(done, items.length);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    throwIfCancelled(this.signal);
    problems.throwIfAny();
    return copied;
  }

  /** Takes back every file this import placed: the library's database never named them. */
  async removePlaced(): Promise<void> {
    for (const file of this.placed.splice(0)) await fs.rm(file, { force: true });
    for (const folder of [...this.madeFolders].sort((a, b) => b.length - a.length)) await fs.rmdir(folder).catch(() => undefined);
  }

  private async copyOne(item: LocatedMedium & { local: LocalFile }, problems: Problems): Promise<CopiedMedium | null> {
    const { local, row } = item;
    const shown = row.filePath.slice(0, 200);
    const partial = path.join(this.library.paths.partial, `${crypto.randomUUID()}.part`);
    try {
      const copy = await sharedCopyPool().copy(local.file, partial, () => undefined);
      if (copy.size === 0) return this.refuse(problems, { key: 'package-import-file-empty', values: { path: shown } });
      if (!contentMatches(local.kind, copy.head)) return this.refuse(problems, { key: 'package-import-file-wrong-kind', values: { path: shown, kind: local.kind.label } });
      const known = this.library.db.prepare('SELECT media_id AS id FROM media WHERE sha256 = ?').pluck().get(copy.sha256) as string | undefined;
      if (known !== undefined) return this.refuse(problems, { key: 'package-import-file-in-library', values: { path: shown, media: known } });
      const twin = this.hashes.get(copy.sha256);
      if (twin !== undefined) return this.refuse(problems, { key: 'package-import-file-twice', values: { path: shown, other: twin } });
      this.hashes.set(copy.sha256, shown);
      const meta = local.kind.mediaType === 'image' ? await readMetadata(copy.head, local.mtimeMs) : { takenAt: fileTime(local.mtimeMs), timeFromFile: true };
      const relative = await this.place(partial, row.deploymentID, local.relPath);
      return { located: item, relative, sha256: copy.sha256, size: copy.size, meta, truncated: local.kind.mime === 'image/jpeg' && jpegIsTruncated(copy.tail) };
    } catch (err) {
      if (err instanceof CopyError && err.side === 'source') {
        problems.push({ key: 'package-import-file-unreadable', values: { path: shown, code: err.errno.code ?? err.errno.message.slice(0, 100) } });
        return null;
      }
      const code = err instanceof CopyError ? err.errno.code : (err as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw refused('package-import-disk-full');
      throw err;
    } finally {
      await fs.rm(partial, { force: true });
    }
  }

  private refuse(problems: Problems, said: Parameters<Problems['push']>[0]): null {
    problems.push(said);
    return null;
  }

  /** Renames a verified copy into media/<deployment>/..., under a name no row and no other placed file has. */
  private async place(partial: string, deploymentID: string, relPath: string): Promise<string> {
    const pathTaken = this.library.db.prepare('SELECT 1 FROM media WHERE file_path = ? COLLATE NOCASE').pluck();
    const dest = chooseDestination((p) => pathTaken.get(p) !== undefined, this.library.paths.media, deploymentID, relPath, this.reserved);
    this.reserved.add(dest.relative.toLowerCase());
    const folder = path.dirname(dest.absolute);
    if (!this.readyFolders.has(folder)) {
      await this.makeFolders(folder);
      this.readyFolders.add(folder);
    }
    this.placed.push(dest.absolute);
    await fs.rename(partial, dest.absolute);
    await this.directories.sync(folder);
    return dest.relative;
  }

  /** Notes the folders it makes, so that a refusal leaves no empty deployment folder behind. */
  private async makeFolders(folder: string): Promise<void> {
    const missing: string[] = [];
    for (let at = folder; at.startsWith(this.library.paths.media) && at !== this.library.paths.media; at = path.dirname(at)) {
      const exists = await fs.stat(at).then(
        () => true,
        () => false,
      );
      if (exists) break;
      missing.push(at);
    }
    await mkdirNoFollowAsync(this.library.paths.root, folder);
    for (const made of missing) this.madeFolders.add(made);
  }
}
