import type { Candidate } from './boxes.ts';
import type { Category } from './model-manifest.ts';

export interface Tensorish {
  dims: readonly number[];
  data: Float32Array;
}

/**
 * NanoDet's six outputs (class scores and box distributions for each stride), told apart by
 * shape. Each anchor gives at most one candidate: its best mapped category.
 */
export function decodeNanodet(outputs: Tensorish[], opts: { inputSize: number; strides: number[]; bins: number; classMap: Map<number, Category>; minConf: number }): Candidate[] {
  const found: Candidate[] = [];
  for (const stride of opts.strides) {
    const grid = Math.ceil(opts.inputSize / stride);
    const n = grid * grid;
    const scores = outputs.find((t) => t.dims[1] === n && t.dims[2] !== 4 * opts.bins);
    const dist = outputs.find((t) => t.dims[1] === n && t.dims[2] === 4 * opts.bins);
    if (!scores || !dist) throw new Error(`the model has no outputs for stride ${stride} (${n} anchors)`);
    const classes = scores.dims[2] as number;
    for (let i = 0; i < n; i += 1) {
      let best = 0;
      let category: Category | undefined;
      for (const [cls, cat] of opts.classMap) {
        const s = scores.data[i * classes + cls] as number;
        if (s > best) {
          best = s;
          category = cat;
        }
      }
      if (!category || best < opts.minConf) continue;
      const cx = (i % grid) * stride + (stride - 1) / 2;
      const cy = Math.floor(i / grid) * stride + (stride - 1) / 2;
      const side = (k: number) => {
        const base = i * 4 * opts.bins + k * opts.bins;
        let max = -Infinity;
        for (let b = 0; b < opts.bins; b += 1) max = Math.max(max, dist.data[base + b] as number);
        let sum = 0;
        let weighted = 0;
        for (let b = 0; b < opts.bins; b += 1) {
          const e = Math.exp((dist.data[base + b] as number) - max);
          sum += e;
          weighted += e * b;
        }
        return (weighted / sum) * stride;
      };
      found.push({ category, conf: best, x1: cx - side(0), y1: cy - side(1), x2: cx + side(2), y2: cy + side(3) });
    }
  }
  return found;
}
