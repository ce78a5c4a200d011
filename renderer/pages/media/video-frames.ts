import type { BoxInfo } from '../../../electron/backend/detect/contract.ts';
import { numberFormat } from '../../components/intl-formats.ts';

/** A frame of a video in which the detector found boxes, with its time and the class of its surest box. */
export interface FrameWithBoxes {
  frame: number;
  /** Seconds from the start: frame / frame rate. */
  time: number;
  category: BoxInfo['category'];
}

/** The frames that have boxes, first to last; a frame is coloured by its surest box. */
export function framesWithBoxes(boxes: readonly BoxInfo[], frameRate: number): FrameWithBoxes[] {
  const surest = new Map<number, BoxInfo>();
  for (const b of boxes) {
    if (b.frame === undefined) continue;
    const had = surest.get(b.frame);
    if (!had || b.conf > had.conf) surest.set(b.frame, b);
  }
  return [...surest.entries()].sort(([a], [b]) => a - b).map(([frame, b]) => ({ frame, time: frame / frameRate, category: b.category }));
}

/**
 * The frame whose boxes belong on screen at a time: the examined frame nearest to it. The
 * detector looks at some frames only (MegaDetector takes every tenth, say): between two of them
 * the nearer one's boxes are shown, and none where the nearer one had none. Without the list of
 * examined frames, the frames with boxes stand for it. Null when there is none.
 */
export function frameAt(time: number, frameRate: number, examined: readonly number[]): number | null {
  const at = time * frameRate;
  let best: number | null = null;
  for (const f of examined) if (best === null || Math.abs(f - at) < Math.abs(best - at)) best = f;
  return best;
}

/**
 * The next frame with boxes after the time shown (step 1), or the one before it (step -1); null
 * past the last or before the first. Within half a frame counts as the frame shown.
 */
export function stepToFrame(frames: readonly FrameWithBoxes[], time: number, frameRate: number, step: 1 | -1): FrameWithBoxes | null {
  const slack = 0.5 / frameRate;
  if (step === 1) return frames.find((f) => f.time > time + slack) ?? null;
  return [...frames].reverse().find((f) => f.time < time - slack) ?? null;
}

/** A video's boxes in the order they appear, the surest first within a frame; boxes without a frame first. */
export function inPlayingOrder(boxes: readonly BoxInfo[]): BoxInfo[] {
  return [...boxes].sort((a, b) => (a.frame ?? -1) - (b.frame ?? -1) || b.conf - a.conf);
}

/** A time in a video as the person's language writes seconds, to a tenth: "1.5s" (en), "1,5 s" (fr). */
export function formatVideoTime(seconds: number, language: string): string {
  return numberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'narrow', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds);
}
