import { describe, expect, it } from 'vitest';
import { failureReason, parseWorkerLine } from '../../../../electron/backend/detect/worker/protocol.ts';

describe('worker lines, checked where they enter the backend', () => {
  it('passes the lines of the protocol', () => {
    const line = { type: 'result', mediaPk: 3, truncated: false, detections: [{ category: 'animal', conf: 0.9, bbox: [0.1, 0.2, 0.3, 0.4] }] };
    expect(parseWorkerLine(JSON.stringify(line))).toEqual(line);
    expect(parseWorkerLine('{"type":"done","runId":1,"processed":3,"failed":0}')).toMatchObject({ type: 'done' });
  });

  it('skips what is not a whole JSON line, or names no image', () => {
    expect(parseWorkerLine('{"type":"result","mediaPk":3,"trunc')).toBeNull();
    expect(parseWorkerLine('Traceback (most recent call last):')).toBeNull();
    expect(parseWorkerLine('{"type":"progress","done":"many"}')).toBeNull();
    expect(parseWorkerLine('null')).toBeNull();
  });

  it('turns a broken line about an image into a failure of that image, with the reason', () => {
    const bad = parseWorkerLine(JSON.stringify({ type: 'result', mediaPk: 7, truncated: false, detections: [{ category: 'dragon', conf: 2, bbox: [0, 0, 1, 1] }] }));
    expect(bad).toEqual({
      type: 'failure',
      mediaPk: 7,
      reason: expect.stringMatching(/^The detection worker sent a result that could not be read \(detections\.0\.category/),
      says: { key: 'detect-worker-line-unreadable', values: { detail: expect.stringMatching(/^detections\.0\.category/) } },
    });
    expect(parseWorkerLine(JSON.stringify({ type: 'result', mediaPk: 8, truncated: false, detections: [{ category: 'animal', conf: 0.5, bbox: [0, 0, 9, 1] }] }))).toMatchObject({ type: 'failure', mediaPk: 8 });
  });

  it('takes a failure reason as a message key about an image, or recognises the words of a worker that names none', () => {
    const keyed = parseWorkerLine(JSON.stringify({ type: 'failure', mediaPk: 3, reason: 'Not an image this worker can read.', says: { key: 'detect-not-an-image' } }));
    expect(keyed?.type === 'failure' && failureReason(keyed)).toEqual([{ key: 'detect-not-an-image' }]);
    // A key that is not about an image makes the line a broken one: the image fails with that said instead.
    const foreign = parseWorkerLine(JSON.stringify({ type: 'failure', mediaPk: 3, reason: 'x', says: { key: 'library-newer' } }));
    expect(foreign).toMatchObject({ type: 'failure', says: { key: 'detect-worker-line-unreadable' } });
    const python = { type: 'failure' as const, mediaPk: 4, reason: 'Could not read this image: cannot identify image file' };
    expect(failureReason(python)).toEqual([{ key: 'detect-image-unreadable', values: { detail: 'cannot identify image file' } }]);
    expect(failureReason({ ...python, reason: 'CUDA out of memory' })).toEqual([{ key: 'detect-image-failed', values: { detail: 'CUDA out of memory' } }]);
  });
});
