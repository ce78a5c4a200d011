import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ResultsTail } from '../../../../electron/backend/detect/runners/results-tail.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('following a results file', () => {
  it('gives whole lines with the byte offset after each, across cut writes and multi-byte characters', () => {
    const file = path.join(tempDir(), 'results.jsonl');
    const seen: [string, number][] = [];
    const tail = new ResultsTail(file, 0, (text, after) => seen.push([text, after]));
    const first = '{"type":"ready"}\n';
    const second = '{"reason":"caméra été"}\n';
    const bytes = Buffer.from(first + second);
    // Cut in the middle of "é" (two bytes in UTF-8).
    const cut = Buffer.byteLength(first) + Buffer.from('{"reason":"cam').length + 1;
    fs.writeFileSync(file, bytes.subarray(0, cut));
    tail.read();
    fs.appendFileSync(file, bytes.subarray(cut));
    tail.read();
    expect(seen).toEqual([
      ['{"type":"ready"}', Buffer.byteLength(first)],
      ['{"reason":"caméra été"}', bytes.length],
    ]);
    // Started again from a saved offset, it goes on from there.
    fs.appendFileSync(file, '{"type":"done"}\n');
    const later: string[] = [];
    new ResultsTail(file, bytes.length, (text) => later.push(text)).read();
    expect(later).toEqual(['{"type":"done"}']);
  });
});

describe('a results file with hostile content', () => {
  it('reads megabytes appended at once in bounded chunks, and skips a line longer than any result', () => {
    const file = path.join(tempDir(), 'results.jsonl');
    const lines = Array.from({ length: 30_000 }, (_, i) => `{"type":"failure","mediaPk":${i + 1},"reason":"${'x'.repeat(40)}"}`);
    fs.writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n${'y'.repeat(6 * 1024 * 1024)}\n${lines.slice(10).join('\n')}\n`);
    const seen: string[] = [];
    let last = 0;
    const tail = new ResultsTail(file, 0, (text, after) => {
      seen.push(text);
      last = after;
    });
    tail.read();
    expect(seen).toEqual(lines);
    expect(last).toBe(fs.statSync(file).size);
  });
});
