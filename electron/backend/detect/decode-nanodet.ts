import type { Candidate } from './boxes.ts';
import type { Category } from './model-manifest.ts';

export interface Tensorish {
  dims: readonly number[];
  data: Float32Array;
}

interface Anchor {
  stride: number;
  grid: number;
  index: number;
  dist: Tensorish;
  category: Category;
  conf: number;
}

/**
 * NanoDet's six outputs (class scores and box distributions for each stride), told apart by
 * shape. Each anchor gives at most one candidate: its best mapped category. Only the best
 * `maxCandidates` anchors get their box decoded: that is where the time would go.
 */
export function decodeNanodet(
  outputs: Tensorish[],
  opts: { inputSize: number; strides: number[]; bins: number; classMap: Map<number, Category>; minConf: number; maxCandidates: number },
): Candidate[] {
  const anchors: Anchor[] = [];
  const classes = [...opts.classMap.entries()];
  for (const stride of opts.strides) {
    const grid = Math.ceil(opts.inputSize / stride);
    const n = grid * grid;
    const scores = outputs.find((t) => t.dims[1] === n && t.dims[2] !== 4 * opts.bins);
    const dist = outputs.find((t) => t.dims[1] === n && t.dims[2] === 4 * opts.bins);
    if (!scores || !dist) throw new Error(`the model has no outputs for stride ${stride} (${n} anchors)`);
    const width = scores.dims[2] as number;
    for (let i = 0; i < n; i += 1) {
      let best = 0;
      let category: Category | undefined;
      for (const [cls, cat] of classes) {
        const s = scores.data[i * width + cls] as number;
        if (s > best) {
          best = s;
          category = cat;
        }
      }
      if (category && best >= opts.minConf) anchors.push({ stride, grid, index: i, dist, category, conf: best });
    }
  }
  const top = anchors.length > opts.maxCandidates ? anchors.sort((a, b) => b.conf - a.conf).slice(0, opts.maxCandidates) : anchors;
  return top.map((a) => decodeBox(a, opts.bins));
}

/** The box of one anchor: for each side, the expected bin of a softmax over its bins, times the stride. */
function decodeBox(a: Anchor, bins: number): Candidate {
  const cx = (a.index % a.grid) * a.stride + (a.stride - 1) / 2;
  const cy = Math.floor(a.index / a.grid) * a.stride + (a.stride - 1) / 2;
  const side = (k: number) => {
    const base = a.index * 4 * bins + k * bins;
    let max = -Infinity;
    for (let b = 0; b < bins; b += 1) max = Math.max(max, a.dist.data[base + b] as number);
    let sum = 0;
    let weighted = 0;
    for (let b = 0; b < bins; b += 1) {
      const e = Math.exp((a.dist.data[base + b] as number) - max);
      sum += e;
      weighted += e * b;
    }
    return (weighted / sum) * a.stride;
  };
  return { category: a.category, conf: a.conf, x1: cx - side(0), y1: cy - side(1), x2: cx + side(2), y2: cy + side(3) };
}
