import crypto from 'node:crypto';
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { CopyReply, CopyRequest } from './copy-protocol.ts';

// Each worker copies one file at a time with plain blocking calls: the read, the hash and the
// flush of one file then cost no round trips through the event loop, and several workers
// flush in parallel while the main thread records results.
const chunkSize = 4 << 20;
const headSize = 128 * 1024;
const tailSize = 64;
const buffer = Buffer.allocUnsafe(chunkSize);
const port = parentPort;

class SideError extends Error {
  constructor(
    readonly side: 'source' | 'destination',
    readonly errno: NodeJS.ErrnoException,
  ) {
    super(errno.message);
  }
}

function onSide<T>(side: SideError['side'], work: () => T): T {
  try {
    return work();
  } catch (err) {
    throw new SideError(side, err as NodeJS.ErrnoException);
  }
}

function copy(req: CopyRequest): CopyReply {
  const hash = crypto.createHash('sha256');
  let input: number | undefined;
  let output: number | undefined;
  try {
    input = onSide('source', () => fs.openSync(req.source, 'r'));
    const dest = req.destination;
    output = dest === null ? undefined : onSide('destination', () => fs.openSync(dest, 'wx'));
    const head = Buffer.alloc(headSize);
    let headLength = 0;
    const tail = Buffer.alloc(tailSize);
    let tailLength = 0;
    let size = 0;
    for (;;) {
      const fd = input;
      const bytesRead = onSide('source', () => fs.readSync(fd, buffer, 0, chunkSize, null));
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      if (headLength < headSize) headLength += chunk.copy(head, headLength, 0, Math.min(bytesRead, headSize - headLength));
      if (bytesRead >= tailSize) tailLength = chunk.copy(tail, 0, bytesRead - tailSize);
      else {
        const kept = Buffer.concat([tail.subarray(0, tailLength), chunk]).subarray(-tailSize);
        tailLength = kept.copy(tail);
      }
      if (output !== undefined) {
        const out = output;
        let written = 0;
        while (written < bytesRead) written += onSide('destination', () => fs.writeSync(out, chunk, written, bytesRead - written));
      }
      size += bytesRead;
      if (bytesRead === chunkSize) port?.postMessage({ id: req.id, kind: 'progress', bytes: bytesRead } satisfies CopyReply);
    }
    if (output !== undefined) {
      const out = output;
      onSide('destination', () => fs.fdatasyncSync(out));
    }
    return { id: req.id, kind: 'done', sha256: hash.digest('hex'), size, head: head.subarray(0, headLength), tail: tail.subarray(0, tailLength) };
  } catch (err) {
    const side = err instanceof SideError ? err.side : 'source';
    const errno = err instanceof SideError ? err.errno : (err as NodeJS.ErrnoException);
    return { id: req.id, kind: 'failed', side, code: errno.code, message: errno.message };
  } finally {
    if (input !== undefined) fs.closeSync(input);
    if (output !== undefined) fs.closeSync(output);
  }
}

port?.on('message', (req: CopyRequest) => {
  const reply = copy(req);
  // The head is handed over, not copied: it has an ArrayBuffer of its own (Buffer.alloc above the pool size).
  port.postMessage(reply, reply.kind === 'done' ? [reply.head.buffer as ArrayBuffer] : []);
});
