/** Where a station's name would be drawn on screen, in pixels. */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** More names than this on one screen are no longer read, only seen as clutter. */
export const maxLabels = 30;

const overlaps = (a: LabelBox, b: LabelBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The names that can be shown without covering each other, first come first served, at most maxLabels. */
export function visibleLabels(boxes: LabelBox[], limit = maxLabels): Set<string> {
  const shown: LabelBox[] = [];
  for (const box of boxes) {
    if (shown.length >= limit) break;
    if (!shown.some((s) => overlaps(s, box))) shown.push(box);
  }
  return new Set(shown.map((b) => b.id));
}

/** A name's box right of its circle, estimated from its length at the labels' 12 px font. */
export function labelBox(id: string, name: string, x: number, y: number, radius: number): LabelBox {
  return { id, x: x + radius + 2, y: y - 9, width: 10 + 7 * name.length, height: 18 };
}
