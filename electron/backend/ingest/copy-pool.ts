import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CopyReply, CopyRequest } from './copy-protocol.ts';
import { startWorker } from '../workers/start-worker.ts';

export interface CopiedFile {
  sha256: string;
  size: number;
  /** The first bytes, for the format check and EXIF, so that nothing reads the file again. */
  head: Buffer;
  /** The last bytes, to tell a truncated JPEG. */
  tail: Buffer;
}

/** Which side of a copy failed: a source error may mean the card was pulled, a destination error a full disk. */
export class CopyError extends Error {
  constructor(
    readonly side: 'source' | 'destination',
    readonly errno: NodeJS.ErrnoException,
  ) {
    super(`${side}: ${errno.message}`);
  }
}

const maxRestarts = 16;

interface Job {
  request: CopyRequest;
  onBytes: (n: number) => void;
  progressed: number;
  resolve: (f: CopiedFile) => void;
  reject: (e: CopyError) => void;
}

/** Threads that read a file once, hash it and write its flushed copy; one file per thread at a time. */
export class CopyPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly workers = new Set<Worker>();
  private restarts = 0;

  /** More threads than cores: a thread waiting on a flush leaves its core to another. */
  constructor(size = Math.min(8, Math.max(4, os.availableParallelism() * 2))) {
    for (let i = 0; i < size; i += 1) this.addWorker();
  }

  private addWorker(): void {
    const worker = startWorker(new URL('./copy-worker.ts', import.meta.url));
    worker.on('message', (reply: CopyReply) => this.onReply(worker, reply));
    worker.on('error', (err) => this.onCrash(worker, err));
    // An idle thread must not keep a CLI process alive; a busy one must (see pump and onReply).
    worker.unref();
    this.workers.add(worker);
    this.idle.push(worker);
  }

  /** Copies source to destination (or only hashes it when destination is null). */
  copy(source: string, destination: string | null, onBytes: (n: number) => void): Promise<CopiedFile> {
    if (this.workers.size === 0) return Promise.reject(new CopyError('destination', new Error('the copy threads could not be started')));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, source, destination }, onBytes, progressed: 0, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.request);
    }
  }

  private onReply(worker: Worker, reply: CopyReply): void {
    const job = this.busy.get(worker);
    if (!job || job.request.id !== reply.id) return;
    if (reply.kind === 'progress') {
      job.progressed += reply.bytes;
      job.onBytes(reply.bytes);
      return;
    }
    this.busy.delete(worker);
    this.idle.push(worker);
    worker.unref();
    if (reply.kind === 'done') {
      job.onBytes(reply.size - job.progressed);
      job.resolve({ sha256: reply.sha256, size: reply.size, head: Buffer.from(reply.head), tail: Buffer.from(reply.tail) });
    } else {
      job.reject(new CopyError(reply.side, Object.assign(new Error(reply.message), { code: reply.code })));
    }
    this.pump();
  }

  /** A thread that died fails its file, not the pool: it is replaced and the queue goes on. */
  private onCrash(worker: Worker, err: Error): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.workers.delete(worker);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt !== -1) this.idle.splice(idleAt, 1);
    job?.reject(new CopyError('destination', err));
    this.restarts += 1;
    if (this.restarts <= maxRestarts) {
      this.addWorker();
      this.pump();
    } else if (this.workers.size === 0) {
      // Threads that cannot even start would fail every file: say so once for each.
      for (const queued of this.queue.splice(0)) queued.reject(new CopyError('destination', err));
    }
  }
}

let shared: CopyPool | undefined;

/** One pool for the backend process: threads start once, not at every import. */
export function sharedCopyPool(): CopyPool {
  shared ??= new CopyPool();
  return shared;
}
