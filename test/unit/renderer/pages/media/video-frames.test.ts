import { describe, expect, it } from 'vitest';
import type { BoxInfo } from '../../../../../electron/backend/detect/contract.ts';
import { formatVideoTime, frameAt, framesWithBoxes, inPlayingOrder, stepToFrame } from '../../../../../renderer/pages/media/video-frames.ts';

const box = (detectionId: number, frame: number | undefined, category: BoxInfo['category'], conf: number): BoxInfo => ({ detectionId, category, conf, bbox: [0.1, 0.1, 0.2, 0.2], ...(frame === undefined ? {} : { frame }) });

// A 30 fps video that MegaDetector sampled every 10th frame: a fox at 1 s and 2 s, a person at 2 s, a deer at 3 s.
const boxes = [box(1, 30, 'animal', 0.9), box(2, 60, 'animal', 0.5), box(3, 60, 'person', 0.8), box(4, 90, 'animal', 0.6)];
const examined = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

describe('the frames of a video with boxes', () => {
  it('lists each frame once, in order, with its time and the class of its surest box', () => {
    expect(framesWithBoxes(boxes, 30)).toEqual([
      { frame: 30, time: 1, category: 'animal' },
      { frame: 60, time: 2, category: 'person' },
      { frame: 90, time: 3, category: 'animal' },
    ]);
    expect(framesWithBoxes([box(5, undefined, 'animal', 0.9)], 30)).toEqual([]);
  });

  it('shows at any time the boxes of the examined frame nearest to it, none where that frame had none', () => {
    expect(frameAt(0, 30, examined)).toBe(0);
    expect(frameAt(1, 30, examined)).toBe(30);
    expect(frameAt(1.1, 30, examined)).toBe(30);
    expect(frameAt(1.2, 30, examined)).toBe(40);
    expect(frameAt(99, 30, examined)).toBe(100);
    // Without the list of examined frames, the frames with boxes stand for it.
    expect(frameAt(1.7, 30, [30, 60, 90])).toBe(60);
    expect(frameAt(1, 30, [])).toBeNull();
  });

  it('steps to the frame with boxes after or before the time shown, the frame shown itself not counted', () => {
    const frames = framesWithBoxes(boxes, 30);
    expect(stepToFrame(frames, 0, 30, 1)?.frame).toBe(30);
    expect(stepToFrame(frames, 1, 30, 1)?.frame).toBe(60);
    // A seek lands a hair away from the frame's time: it still counts as that frame.
    expect(stepToFrame(frames, 1.0001, 30, 1)?.frame).toBe(60);
    expect(stepToFrame(frames, 0.9999, 30, -1)).toBeNull();
    expect(stepToFrame(frames, 2.5, 30, -1)?.frame).toBe(60);
    expect(stepToFrame(frames, 3, 30, 1)).toBeNull();
  });

  it('numbers boxes in playing order, the surest first within a frame', () => {
    expect(inPlayingOrder(boxes).map((b) => b.detectionId)).toEqual([1, 3, 2, 4]);
  });

  it('writes times in seconds to a tenth, as the language does', () => {
    expect(formatVideoTime(1.25, 'en')).toBe('1.3s');
    expect(formatVideoTime(2, 'fr')).toMatch(/^2,0\s?s$/);
  });
});
