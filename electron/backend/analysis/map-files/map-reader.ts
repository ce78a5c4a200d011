import type { Worker } from 'node:worker_threads';
import type { GeojsonFacts, MapReply, MapRequest, MbtilesFacts, PmtilesAnswer } from './map-protocol.ts';
import { startWorker } from '../../workers/start-worker.ts';

type Op = MapRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;
type Payload<O extends Op> = Omit<Extract<MapRequest, { op: O }>, 'id' | 'op'>;

export interface MapReaderOptions {
  /** The longest one tile, or one look at a new file, may take. */
  tileMs?: number;
  checkMs?: number;
}

export class MapReadTimeout extends Error {}

/**
 * Reads map files in a worker thread with a time limit on each request: a slow or hostile file
 * costs that request, never the server. A request past its limit ends the thread (SQLite cannot
 * be stopped from outside otherwise); the next request starts a new one.
 */
export class MapReader {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly tileMs: number;
  private readonly checkMs: number;

  constructor(options: MapReaderOptions = {}) {
    this.tileMs = options.tileMs ?? 2000;
    this.checkMs = options.checkMs ?? 5000;
  }

  tile(file: string, z: number, x: number, y: number): Promise<Buffer | null> {
    return this.ask('tile', { file, z, x, y }, this.tileMs).then((v) => (v instanceof Uint8Array ? Buffer.from(v) : null));
  }

  mbtiles(file: string): Promise<MbtilesFacts> {
    return this.ask('metadata', { file }, this.checkMs) as Promise<MbtilesFacts>;
  }

  geojson(file: string): Promise<GeojsonFacts> {
    return this.ask('geojson', { file }, this.checkMs) as Promise<GeojsonFacts>;
  }

  /** The whole check of an archive (header, every directory, one tile) runs under the check's time limit. */
  pmtiles(file: string): Promise<PmtilesAnswer> {
    return this.ask('pmtiles', { file }, this.checkMs) as Promise<PmtilesAnswer>;
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private ask<O extends Op>(op: O, payload: Payload<O>, limitMs: number): Promise<unknown> {
    const worker = this.thread();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new MapReadTimeout(`Reading the map file took longer than ${limitMs / 1000} s.`));
        // Whatever else waits on this thread is lost with it, and told so.
        this.restart(worker);
      }, limitMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, op, ...payload });
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(new URL('./map-worker.ts', import.meta.url));
    worker.unref();
    worker.on('message', (reply: MapReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.message));
    });
    worker.on('error', () => this.restart(worker));
    this.worker = worker;
    return worker;
  }

  private restart(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new MapReadTimeout('The map file reader was restarted.'));
      this.pending.delete(id);
    }
  }
}
