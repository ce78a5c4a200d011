import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../electron/backend/server/byte-range.ts';

describe('the one byte range a request asks for', () => {
  const size = 1000;

  it('reads the three forms a video element and a PMTiles reader send', () => {
    expect(parseByteRange('bytes=0-99', size)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=500-', size)).toEqual({ start: 500, end: 999 });
    // MP4 keeps its index at the end when it was not written for streaming: the player asks for the tail.
    expect(parseByteRange('bytes=-200', size)).toEqual({ start: 800, end: 999 });
    expect(parseByteRange(' bytes=0-0 ', size)).toEqual({ start: 0, end: 0 });
  });

  it('cuts a last byte past the end to the end, and a tail longer than the file to the whole file', () => {
    expect(parseByteRange('bytes=0-65535', size)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange('bytes=999-5000', size)).toEqual({ start: 999, end: 999 });
    expect(parseByteRange('bytes=-5000', size)).toEqual({ start: 0, end: 999 });
  });

  it('cannot satisfy a range that starts past the end, an empty tail, or any range of an empty file', () => {
    expect(parseByteRange('bytes=1000-', size)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=1000-1200', size)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', size)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-10', 0)).toBe('unsatisfiable');
  });

  it('refuses what is not one plain byte range', () => {
    for (const bad of ['', 'bytes=', 'bytes=-', 'bytes=5-1', 'bytes=0-1,5-6', 'items=0-1', 'bytes=a-b', 'bytes=-1-2', 'bytes=1.5-2', 'bytes=0-99999999999999999999']) {
      expect(parseByteRange(bad, size), bad).toBe('invalid');
    }
  });
});
