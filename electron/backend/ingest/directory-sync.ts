import fs from 'node:fs/promises';

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes renames durable by flushing their folder, with group commit: every rename made before a
 * flush starts is covered by it, so a burst of files into one folder costs a few flushes, not one each.
 */
export class DirectorySyncer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  sync(dir: string): Promise<void> {
    const queued = this.queued.get(dir);
    if (queued) return queued;
    const before = this.running.get(dir);
    const next = (async () => {
      await before?.catch(() => undefined);
      this.queued.delete(dir);
      const flush = syncDirectory(dir);
      this.running.set(dir, flush);
      try {
        await flush;
      } finally {
        if (this.running.get(dir) === flush) this.running.delete(dir);
      }
    })();
    this.queued.set(dir, next);
    return next;
  }
}
