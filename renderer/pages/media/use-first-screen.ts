import { useEffect, useState } from 'react';

/** Tiles enough to fill a 1366x768 screen: what the first frame draws. */
export const firstScreenTiles = 24;
/** Tiles added per step after it: each step a short task, so the first screen's thumbnails are never held up. */
const step = 32;

/**
 * The items to draw: at first a screenful, the rest in steps once that frame is on screen. A page
 * of 200 tiles drawn at once keeps the main thread busy for a long task before anything shows;
 * split, the visible tiles show at once and the others follow without the user noticing.
 */
export function useFirstScreen<T>(items: readonly T[]): readonly T[] {
  const [shown, setShown] = useState<{ of: readonly T[]; count: number }>({ of: items, count: firstScreenTiles });
  const count = shown.of === items ? shown.count : firstScreenTiles;
  useEffect(() => {
    if (count >= items.length) return;
    let frame = requestAnimationFrame(() => {
      // The next frame starts after this one was painted.
      frame = requestAnimationFrame(() => setShown({ of: items, count: count + step }));
    });
    return () => cancelAnimationFrame(frame);
  }, [items, count]);
  return count >= items.length ? items : items.slice(0, count);
}
