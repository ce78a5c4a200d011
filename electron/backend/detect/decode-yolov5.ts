import type { Candidate } from './boxes.ts';
import type { Tensorish } from './decode-nanodet.ts';
import type { Category } from './model-manifest.ts';

/**
 * YOLOv5-style MegaDetector exports: one output [1, N, 5 + classes], rows of centre x, centre y,
 * width, height in input pixels, objectness, then class scores; confidence = objectness x class.
 */
export function decodeYolov5(outputs: Tensorish[], opts: { classMap: Map<number, Category>; minConf: number }): Candidate[] {
  const out = outputs.find((t) => t.dims.length === 3 && (t.dims[2] as number) > 5);
  if (!out) throw new Error('the model has no [1, N, 5 + classes] output');
  const rows = out.dims[1] as number;
  const width = out.dims[2] as number;
  const found: Candidate[] = [];
  for (let r = 0; r < rows; r += 1) {
    const base = r * width;
    const objectness = out.data[base + 4] as number;
    if (objectness < opts.minConf) continue;
    let best = 0;
    let category: Category | undefined;
    for (const [cls, cat] of opts.classMap) {
      const s = objectness * (out.data[base + 5 + cls] as number);
      if (s > best) {
        best = s;
        category = cat;
      }
    }
    if (!category || best < opts.minConf) continue;
    const cx = out.data[base] as number;
    const cy = out.data[base + 1] as number;
    const w = out.data[base + 2] as number;
    const h = out.data[base + 3] as number;
    found.push({ category, conf: best, x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 });
  }
  return found;
}
