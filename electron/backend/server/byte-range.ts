/** The one byte range a request asks for, as a first and a last byte both inside the file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * One byte range as video elements and PMTiles readers ask for it: "bytes=a-b", "bytes=a-" or
 * "bytes=-n" (the last n bytes). A last byte past the end is cut to the end, as HTTP says. Several
 * ranges at once, another unit or a range that ends before it starts are 'invalid'; a range that
 * starts past the end is 'unsatisfiable'. Both are answered 416 with the size, which readers use to ask again.
 */
export function parseByteRange(header: string, size: number): ByteRange | 'unsatisfiable' | 'invalid' {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return 'invalid';
  if (start >= size) return 'unsatisfiable';
  return { start, end: m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1) };
}
