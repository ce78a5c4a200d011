import fs from 'node:fs';

/**
 * Follows a results file that a container appends JSON lines to, from a byte offset: the lines
 * are the same as the worker prints, and the file outlives both the container and the app.
 */
export class ResultsTail {
  private partial = '';
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
    try {
      const buffer = Buffer.alloc(size - this.offset);
      fs.readSync(fd, buffer, 0, buffer.length, this.offset);
      let start = 0;
      const text = this.partial + buffer.toString('utf8');
      let consumed = this.offset - Buffer.byteLength(this.partial);
      for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
        const line = text.slice(start, nl);
        consumed += Buffer.byteLength(line) + 1;
        start = nl + 1;
        if (line.trim()) this.onLine(line, consumed);
      }
      this.partial = text.slice(start);
      this.offset = size;
    } finally {
      fs.closeSync(fd);
    }
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
