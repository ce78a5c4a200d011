import crypto from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatBytes, type ImportProgress, type ImportState, type ImportSummary } from './contract.ts';
import { CopyError, sharedCopyPool, type CopiedFile, type CopyPool } from './copy-pool.ts';
import { chooseDestination } from './destination.ts';
import { DirectorySyncer } from './directory-sync.ts';
import { freeBytes, reserveBytes } from './disk-space.ts';
import { importSummary } from './import-summary.ts';
import { contentMatches, jpegIsTruncated } from './media-kinds.ts';
import { readMetadata, readVideoMetadata, type MediaMetadata } from './read-metadata.ts';
import { mediaRecorder } from './record-media.ts';
import type { SourceFile, SourceScan } from './scan-source.ts';
import { describeSourceError } from './source-errors.ts';
import { getDeployment } from '../library/deployments.ts';
import { nowIso } from '../library/ids.ts';
import { regroupSequences } from '../library/media-times.ts';
import type { Library } from '../library/open-library.ts';
import { StationError } from '../rpc/envelope.ts';
import type { MessageKey, Says } from '../rpc/messages.ts';
import { englishOfAll, storeSays } from '../rpc/stored-says.ts';
import { mkdirNoFollowAsync, writeFileNoFollow } from '../safe-fs/no-follow.ts';

/** Files in hand at once: enough to keep every copy thread busy while the main thread records. */
const concurrency = 16;
const reserveFileBytes = 4 * 1024 * 1024;

interface Stop {
  state: Exclude<ImportState, 'running' | 'done'>;
  says: Says[];
  /** Why the files the import did not get to were not imported. */
  rest: Says;
}

const stopped: Says = { key: 'not-imported-stopped' };

/** How an import that stopped on an error says why: a StationError's own message, else the error's text. */
function stoppedBy(err: unknown): Says[] {
  if (err instanceof StationError && err.says) return [err.says, { key: 'import-stopped' }];
  return [{ key: 'import-stopped-because', values: { detail: (err as Error).message } }];
}

/** A full disk shows as ENOSPC or EDQUOT from a copy, and as SQLITE_FULL from the database. */
function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

const diskFull = (): Stop => ({ state: 'disk-full', says: [{ key: 'import-disk-full' }], rest: { key: 'not-imported-disk-full' } });

/** Why an import stopped on an error no single file explains: a full disk is told apart from the rest. */
function stopFor(err: unknown): Stop {
  return isDiskFull(err) ? diskFull() : { state: 'failed', says: stoppedBy(err), rest: stopped };
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  progressIntervalMs?: number;
}

/** One import of a card into one deployment: copy, verify, record, with progress and a stop. */
export class ImportRun {
  readonly importId: number;
  private stop: Stop | undefined;
  private readonly recorder;
  private readonly reserved = new Set<string>();
  private readonly hashesInFlight = new Set<string>();
  private readonly counts = { filesDone: 0, bytesDone: 0, imported: 0, duplicates: 0, failed: 0 };
  private readonly startedAt = Date.now();
  private lastProgressAt = 0;
  private readonly clockOffsetSeconds: number;
  /** Space held back so that, when the disk fills, the import can still record how it stopped. */
  private readonly reserve: string;
  private readonly directories = new DirectorySyncer();
  private readonly createdDirectories = new Set<string>();
  private pool: CopyPool | undefined;
  /**
   * Files not imported whose row could not be written when they stopped (a full disk takes the
   * database's room too): written once every copy has ended and the reserve is freed, so each
   * file of the card is accounted for.
   */
  private readonly unrecorded = new Map<string, Says>();

  constructor(
    private readonly library: Library,
    private readonly scan: SourceScan,
    private readonly deploymentID: string,
    private readonly options: ImportOptions = {},
  ) {
    const { db } = library;
    this.clockOffsetSeconds = getDeployment(db, deploymentID).clockOffsetSeconds;
    if (db.prepare("SELECT 1 FROM imports WHERE state = 'running'").get()) {
      throw new StationError('busy', 'import-already-running');
    }
    const free = freeBytes(library.paths.root);
    const needed = scan.totalBytes + reserveBytes(scan.totalBytes);
    if (free < needed) {
      throw new StationError('disk-full', 'import-no-space', { count: scan.files.length, needed: formatBytes(scan.totalBytes), free: formatBytes(free) });
    }
    this.reserve = library.paths.importReserve;
    writeFileNoFollow(this.reserve, Buffer.alloc(reserveFileBytes));
    this.recorder = mediaRecorder(db);
    this.importId = Number(
      db
        .prepare("INSERT INTO imports (deployment_id, source_root, state, owner_pid, started_at) VALUES (?, ?, 'running', ?, ?)")
        .run(deploymentID, scan.root, process.pid, nowIso())
        .lastInsertRowid,
    );
  }

  cancel(): void {
    this.stop ??= { state: 'cancelled', says: [{ key: 'import-cancelled' }], rest: { key: 'not-imported-cancelled' } };
  }

  async run(): Promise<ImportSummary> {
    const queue = [...this.scan.files];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        if (this.stop) {
          this.recordRest([file]);
          continue;
        }
        try {
          await this.importFile(file);
        } catch (err) {
          // Even recording a failure failed (the database is full or locked): stop, but let the
          // other copies finish before the import is summed up.
          this.stop ??= stopFor(err);
          this.unrecorded.set(file.relPath, this.stop.rest);
        }
        this.counts.filesDone += 1;
        this.reportProgress(false);
      }
    };
    try {
      this.pool = sharedCopyPool();
      await Promise.all(Array.from({ length: concurrency }, worker));
      regroupSequences(this.library.db, this.deploymentID);
    } catch (err) {
      this.stop ??= stopFor(err);
      this.recordRest(queue.splice(0));
    }
    this.releaseReserve();
    this.recordUnrecorded();
    this.reportProgress(true);
    try {
      this.library.db
        .prepare('UPDATE imports SET state = ?, message = ?, finished_at = ? WHERE import_id = ?')
        .run(this.stop?.state ?? 'done', this.stop ? storeSays(this.stop.says) : null, nowIso(), this.importId);
      return importSummary(this.library.db, this.importId);
    } catch (err) {
      // The database itself cannot be written (a disk full to the last byte): say so from memory.
      const says: Says[] = [{ key: 'import-record-not-written', values: { detail: (err as Error).message } }];
      return {
        importId: this.importId,
        deploymentID: this.deploymentID,
        source: this.scan.root,
        state: 'failed',
        message: englishOfAll(says),
        says,
        imported: this.counts.imported,
        duplicates: this.counts.duplicates,
        failed: [],
        notImported: [],
        warnings: [],
      };
    }
  }

  /** Lists the files an import did not get to; a row that cannot be written yet is kept for the end. */
  private recordRest(files: SourceFile[]): void {
    for (const file of files) this.notImported(file, this.stop?.rest ?? stopped);
  }

  private notImported(file: SourceFile, why: Says): void {
    try {
      this.recorder.addItem(this.importId, file.relPath, 'not-imported', storeSays([why]));
    } catch {
      this.unrecorded.set(file.relPath, why);
    }
  }

  /** The rows kept back, in one transaction, once the copies have ended and the reserve has made room. */
  private recordUnrecorded(): void {
    if (this.unrecorded.size === 0) return;
    try {
      this.library.db.transaction(() => {
        for (const [relPath, why] of this.unrecorded) {
          // A file whose own row was written after all keeps it.
          this.library.db
            .prepare("INSERT INTO import_items (import_id, source_path, status, reason) VALUES (?, ?, 'not-imported', ?) ON CONFLICT(import_id, source_path) DO NOTHING")
            .run(this.importId, relPath, storeSays([why]));
        }
      })();
    } catch {
      // Not even now: the summary, written below, says the record could not be completed.
    }
  }

  private async importFile(file: SourceFile): Promise<void> {
    const partial = path.join(this.library.paths.partial, `${crypto.randomUUID()}.part`);
    let keepPartial = false;
    try {
      if (this.recorder.probablyKnown(this.deploymentID, file)) {
        // Re-reading a card: hash without writing, so a second import costs only reads.
        const probe = await this.copier().copy(file.absPath, null, () => undefined);
        if (this.recorder.hashKnown(probe.sha256) !== undefined) {
          this.counts.bytesDone += file.size;
          return this.duplicate(file, probe.sha256);
        }
      }
      const copied = await this.copier().copy(file.absPath, partial, (n) => {
        this.counts.bytesDone += n;
      });
      if (copied.size === 0) return this.fail(file, { key: 'import-file-empty' });
      if (!contentMatches(file.kind, copied.head)) return this.fail(file, { key: 'import-file-wrong-kind', values: { kind: file.kind.label } });
      if (this.hashesInFlight.has(copied.sha256) || this.recorder.hashKnown(copied.sha256) !== undefined) return this.duplicate(file, copied.sha256);
      this.hashesInFlight.add(copied.sha256);
      try {
        keepPartial = await this.placeAndRecord(file, partial, copied).catch((err: unknown) => {
          // Anything failing from here on is on the library's side: a folder, the rename, the database.
          throw err instanceof CopyError ? err : new CopyError('destination', err as NodeJS.ErrnoException);
        });
      } finally {
        this.hashesInFlight.delete(copied.sha256);
      }
    } catch (err) {
      await this.handleError(file, err);
    } finally {
      if (!keepPartial) await fs.rm(partial, { force: true });
    }
  }

  private async placeAndRecord(file: SourceFile, partial: string, copied: CopiedFile): Promise<boolean> {
    // A video is read by ffprobe from the verified copy, before it is placed under its name.
    const meta = file.kind.mediaType === 'image' ? await readMetadata(copied.head, file.mtimeMs) : await readVideoMetadata(partial, file.mtimeMs);
    const truncated = file.kind.mime === 'image/jpeg' && jpegIsTruncated(copied.tail);
    const warnings = [truncated ? 'import-warning-cut-off' : null, videoWarning(meta), meta.timeFromFile ? 'import-warning-no-time' : null]
      .filter((w): w is MessageKey => w !== null)
      .map((key) => ({ key }));
    const dest = chooseDestination(this.recorder.pathTaken, this.library.paths.media, this.deploymentID, file.relPath, this.reserved);
    this.reserved.add(dest.relative.toLowerCase());
    try {
      const folder = path.dirname(dest.absolute);
      if (!this.createdDirectories.has(folder)) {
        await mkdirNoFollowAsync(this.library.paths.root, folder);
        this.createdDirectories.add(folder);
      }
      await fs.rename(partial, dest.absolute);
      await this.directories.sync(folder);
      this.recorder.addMedia({
        importId: this.importId,
        deploymentID: this.deploymentID,
        clockOffsetSeconds: this.clockOffsetSeconds,
        file,
        relativePath: dest.relative,
        sha256: copied.sha256,
        size: copied.size,
        meta,
        warning: warnings.length > 0 ? storeSays(warnings) : null,
      });
    } finally {
      this.reserved.delete(dest.relative.toLowerCase());
    }
    this.counts.imported += 1;
    return true;
  }

  private copier(): CopyPool {
    if (!this.pool) throw new Error('the import has not started');
    return this.pool;
  }

  private duplicate(file: SourceFile, sha256: string): void {
    this.recorder.addItem(this.importId, file.relPath, 'duplicate', null, this.recorder.hashKnown(sha256) ?? null);
    this.counts.duplicates += 1;
  }

  private fail(file: SourceFile, reason: Says): void {
    this.recorder.addItem(this.importId, file.relPath, 'failed', storeSays([reason]));
    this.counts.failed += 1;
  }

  private async handleError(file: SourceFile, err: unknown): Promise<void> {
    if (err instanceof CopyError && err.side === 'destination') {
      if (isDiskFull(err.errno)) {
        const stop = diskFull();
        this.stop ??= stop;
        // The reserve stays until every copy has ended: freed now, the copies still running would take it.
        this.notImported(file, stop.rest);
        return;
      }
      const says: Says[] =
        err.errno instanceof StationError ? stoppedBy(err.errno) : [{ key: 'import-library-not-writable', values: { code: err.errno.code ?? err.errno.message } }, { key: 'import-stopped' }];
      this.stop ??= { state: 'failed', says, rest: stopped };
      this.notImported(file, stopped);
      return;
    }
    const cause = err instanceof CopyError ? err.errno : (err as NodeJS.ErrnoException);
    if (!(await sourceStillThere(file))) {
      const rest: Says = { key: 'not-imported-card-removed' };
      this.stop ??= { state: 'source-lost', says: [{ key: 'import-card-removed' }], rest };
      this.notImported(file, rest);
      return;
    }
    this.fail(file, describeSourceError(cause));
  }

  private releaseReserve(): void {
    fsSync.rmSync(this.reserve, { force: true });
  }

  private reportProgress(final: boolean): void {
    const now = Date.now();
    if (!this.options.onProgress || (!final && now - this.lastProgressAt < (this.options.progressIntervalMs ?? 150))) return;
    this.lastProgressAt = now;
    const elapsed = Math.max(0.001, (now - this.startedAt) / 1000);
    const rate = this.counts.bytesDone / elapsed;
    const left = this.scan.totalBytes - this.counts.bytesDone;
    this.options.onProgress({
      importId: this.importId,
      filesTotal: this.scan.files.length,
      bytesTotal: this.scan.totalBytes,
      bytesPerSecond: Math.round(rate),
      secondsLeft: rate > 0 && !final ? Math.round(left / rate) : final ? 0 : null,
      ...this.counts,
    });
  }
}

const videoWarnings: Record<NonNullable<MediaMetadata['videoProblem']>, MessageKey> = {
  unreadable: 'import-warning-video-unreadable',
  'cut-off': 'import-warning-video-cut-off',
  'no-tool': 'import-warning-video-not-measured',
};

function videoWarning(meta: MediaMetadata): MessageKey | null {
  return meta.videoProblem ? videoWarnings[meta.videoProblem] : null;
}

/** A card that was pulled takes the file's folder with it; a single bad file leaves its folder readable. */
async function sourceStillThere(file: SourceFile): Promise<boolean> {
  try {
    await fs.readdir(path.dirname(file.absPath));
    return true;
  } catch {
    return false;
  }
}
