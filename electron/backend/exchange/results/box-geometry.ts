/** Far outside 0..1 means pixel boxes, which neither format has; a little outside is rounding. */
export const isRelative = (bbox: readonly number[]): boolean => bbox.every((v) => v > -0.5 && v < 1.5);

/**
 * A box clipped to the picture, x, y, width, height; null when nothing of it is left. A box
 * inside but for rounding is kept exactly as written, so that a file read back gives the same boxes.
 */
export function clipBox([x, y, w, h]: readonly [number, number, number, number]): [number, number, number, number] | null {
  const slack = 1e-6;
  if (w > 0 && h > 0 && x >= 0 && y >= 0 && x + w <= 1 + slack && y + h <= 1 + slack) return [x, y, w, h];
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  const x1 = clip(x);
  const y1 = clip(y);
  const width = clip(x + w) - x1;
  const height = clip(y + h) - y1;
  return width > 0 && height > 0 ? [x1, y1, width, height] : null;
}
