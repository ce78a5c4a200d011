import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../../../../electron/backend/detect/contract.ts';
import type { IncomingResult } from '../../../../electron/backend/detect/jobs/job-store.ts';
import { ResultSink } from '../../../../electron/backend/detect/jobs/result-sink.ts';
import type { RunnerCheckpoint } from '../../../../electron/backend/detect/runners/runner.ts';

afterEach(() => {
  vi.useRealTimers();
});

function build(checkpoint: RunnerCheckpoint | null = null) {
  let now = 0;
  const written: IncomingResult[][] = [];
  const saved: RunnerCheckpoint[] = [];
  const recomputed: number[][] = [];
  const progress: JobProgress[] = [];
  const stored: number[] = [];
  const sink = new ResultSink(
    {
      runId: 5,
      counts: { total: 100, done: 10, failed: 1 },
      write: (results) => {
        written.push(results);
        return { added: results.length, failed: results.filter((r) => !r.ok).length };
      },
      saveCheckpoint: (c) => saved.push(c),
      recomputeEvents: (media) => recomputed.push([...media]),
      progress: (p) => progress.push(p),
      state: () => 'running',
      onStored: (n) => stored.push(n),
      now: () => now,
    },
    () => checkpoint,
  );
  return { sink, written, saved, recomputed, progress, stored, advance: (ms: number) => (now += ms) };
}

const result = (mediaPk: number) => ({ type: 'result' as const, mediaPk, truncated: false, detections: [] });

describe('the result sink: buffering, storing and progress apart from the job lifecycle', () => {
  it('stores results in batches of 32, counts them and reports progress with the time left', () => {
    const s = build();
    for (let i = 1; i <= 33; i += 1) s.sink.accept(result(i));
    expect(s.written.map((w) => w.length)).toEqual([32]);
    s.sink.accept({ type: 'failure', mediaPk: 34, reason: 'cut off' });
    s.sink.accept({ type: 'progress', runId: 5, done: 44, total: 100, imagesPerSecond: 4, msPrepare: 1, msInfer: 1 });
    expect(s.written.map((w) => w.length)).toEqual([32, 2]);
    expect(s.progress.at(-1)).toEqual({ runId: 5, state: 'running', total: 100, done: 44, failed: 2, imagesPerSecond: 4, secondsLeft: 14 });
    expect(s.stored).toEqual([32, 2]);
    expect(s.written[1]?.[1]).toEqual({ mediaPk: 34, ok: false, says: [{ key: 'detect-image-failed', values: { detail: 'cut off' } }] });
  });

  it('flushes a small batch after a short wait', () => {
    vi.useFakeTimers();
    const s = build();
    s.sink.accept(result(1));
    expect(s.written).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(s.written.map((w) => w.length)).toEqual([1]);
  });

  it('saves the runner checkpoint after the results it covers, and recomputes events every few seconds', () => {
    const s = build({ resultsOffset: 1234, containerId: 'abc' });
    s.sink.accept(result(1));
    s.sink.flush();
    expect(s.saved).toEqual([{ resultsOffset: 1234, containerId: 'abc' }]);
    expect(s.recomputed).toEqual([]);
    s.advance(6000);
    s.sink.accept(result(2));
    s.sink.flush();
    expect(s.recomputed).toEqual([[1, 2]]);
    s.sink.updateEvents();
    expect(s.recomputed).toHaveLength(1);
  });

  it('writes nothing once closed', () => {
    const s = build();
    s.sink.close();
    s.sink.accept(result(1));
    s.sink.flush();
    expect(s.written).toEqual([]);
    expect(s.progress).toEqual([]);
  });
});
