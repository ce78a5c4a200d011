import fs from 'node:fs';

/**
 * Follows a results file that a container appends JSON lines to, from a byte offset: the lines
 * are the same as the worker prints, and the file outlives both the container and the app.
 * Bytes are split at newlines before decoding, so a character cut by a read is never garbled.
 */
export class ResultsTail {
  private partial = Buffer.alloc(0);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    public offset: number,
    private readonly onLine: (text: string, offsetAfter: number) => void,
  ) {}

  /** Reads what has been appended since the last read. */
  read(): void {
    if (!fs.existsSync(this.file)) return;
    const size = fs.statSync(this.file).size;
    if (size <= this.offset) return;
    const fd = fs.openSync(this.file, 'r');
    const chunk = Buffer.alloc(size - this.offset);
    try {
      fs.readSync(fd, chunk, 0, chunk.length, this.offset);
    } finally {
      fs.closeSync(fd);
    }
    const bytes = Buffer.concat([this.partial, chunk]);
    // The offset of the first byte of `bytes` in the file.
    let lineStart = this.offset - this.partial.length;
    let start = 0;
    for (let nl = bytes.indexOf(0x0a, start); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
      const line = bytes.subarray(start, nl).toString('utf8');
      lineStart += nl + 1 - start;
      start = nl + 1;
      if (line.trim()) this.onLine(line, lineStart);
    }
    this.partial = Buffer.from(bytes.subarray(start));
    this.offset = size;
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
