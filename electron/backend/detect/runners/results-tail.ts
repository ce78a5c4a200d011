import fs from 'node:fs';

/**
 * Follows a results file that a container appends JSON lines to, from a byte offset: the lines
 * are the same as the worker prints, and the file outlives both the container and the app.
 * Bytes are split at newlines before decoding, so a character cut by a read is never garbled.
 */
/** Read at most this much at once, whatever was appended. */
const chunkBytes = 1024 * 1024;
/** No line of the protocol comes near this: a longer one is not a result, and is skipped. */
const maxLineBytes = 4 * 1024 * 1024;

export class ResultsTail {
  private partial = Buffer.alloc(0);
  private skipping = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    public offset: number,
    private readonly onLine: (text: string, offsetAfter: number) => void,
  ) {}

  /** Reads what has been appended since the last read, a bounded chunk at a time. */
  read(): void {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size <= this.offset) return;
    const fd = fs.openSync(this.file, 'r');
    try {
      const chunk = Buffer.alloc(Math.min(chunkBytes, size - this.offset));
      while (this.offset < size) {
        const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - this.offset), this.offset);
        if (n <= 0) break;
        this.consume(chunk.subarray(0, n));
        this.offset += n;
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Splits bytes read at this.offset into lines; a line longer than any the protocol allows is skipped whole. */
  private consume(chunk: Buffer): void {
    const bytes = this.partial.length > 0 ? Buffer.concat([this.partial, chunk]) : chunk;
    // The offset in the file of the first byte of `bytes`.
    const base = this.offset - this.partial.length;
    let start = 0;
    for (let nl = bytes.indexOf(0x0a, start); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
      const line = bytes.subarray(start, nl);
      start = nl + 1;
      if (this.skipping) {
        this.skipping = false;
        continue;
      }
      const text = line.toString('utf8');
      if (text.trim()) this.onLine(text, base + start);
    }
    const rest = bytes.subarray(start);
    if (rest.length > maxLineBytes) {
      this.skipping = true;
      this.partial = Buffer.alloc(0);
    } else this.partial = this.skipping ? Buffer.alloc(0) : Buffer.from(rest);
  }

  follow(intervalMs = 200): void {
    this.timer ??= setInterval(() => this.read(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.read();
  }
}
