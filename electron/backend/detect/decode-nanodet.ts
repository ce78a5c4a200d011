import type { Candidate } from './boxes.ts';
import { categories, type Category } from './model-manifest.ts';

export interface Tensorish {
  dims: readonly number[];
  data: Float32Array;
}

interface Level {
  stride: number;
  grid: number;
  dist: Tensorish;
  /** Index of the level's first anchor among all anchors. */
  first: number;
}

/**
 * NanoDet's six outputs (class scores and box distributions for each stride), told apart by
 * shape. Each anchor gives at most one candidate: its best mapped category. Nearly every anchor
 * scores above 0.005, so scores are kept in typed arrays and only the best `maxCandidates`
 * anchors get their box decoded: that is where the time would go.
 */
export function decodeNanodet(
  outputs: Tensorish[],
  opts: { inputSize: number; strides: number[]; bins: number; classMap: Map<number, Category>; minConf: number; maxCandidates: number },
): Candidate[] {
  const classIds = Int32Array.from(opts.classMap.keys());
  const classCats = Uint8Array.from([...opts.classMap.values()].map((c) => categories.indexOf(c)));
  const levels: Level[] = [];
  let anchors = 0;
  for (const stride of opts.strides) {
    const grid = Math.ceil(opts.inputSize / stride);
    const n = grid * grid;
    const dist = outputs.find((t) => t.dims[1] === n && t.dims[2] === 4 * opts.bins);
    if (!dist || !outputs.some((t) => t.dims[1] === n && t.dims[2] !== 4 * opts.bins)) throw new Error(`the model has no outputs for stride ${stride} (${n} anchors)`);
    levels.push({ stride, grid, dist, first: anchors });
    anchors += n;
  }
  const conf = new Float32Array(anchors);
  const cat = new Uint8Array(anchors);
  const kept: number[] = [];
  for (const level of levels) {
    const n = level.grid * level.grid;
    const scores = outputs.find((t) => t.dims[1] === n && t.dims[2] !== 4 * opts.bins) as Tensorish;
    const width = scores.dims[2] as number;
    const data = scores.data;
    for (let i = 0; i < n; i += 1) {
      let best = 0;
      let which = 0;
      const row = i * width;
      for (let k = 0; k < classIds.length; k += 1) {
        const s = data[row + (classIds[k] as number)] as number;
        if (s > best) {
          best = s;
          which = classCats[k] as number;
        }
      }
      if (best < opts.minConf) continue;
      const a = level.first + i;
      conf[a] = best;
      cat[a] = which;
      kept.push(a);
    }
  }
  const top = bestAnchors(kept, conf, opts.maxCandidates);
  return top.map((a) => {
    const level = levels.findLast((l) => l.first <= a) as Level;
    return decodeBox(level, a - level.first, opts.bins, categories[cat[a] as number] as Category, conf[a] as number);
  });
}

/**
 * The `max` anchors with the highest scores. A native sort of the bare scores finds the cut-off
 * (a comparator sort of thousands of anchors costs as much as the rest of the decoding).
 */
function bestAnchors(kept: number[], conf: Float32Array, max: number): number[] {
  if (kept.length <= max) return kept;
  const scores = Float32Array.from(kept, (a) => conf[a] as number).sort();
  const cutoff = scores[scores.length - max] as number;
  const above = kept.filter((a) => (conf[a] as number) >= cutoff);
  return above.length > max ? above.sort((x, y) => (conf[y] as number) - (conf[x] as number)).slice(0, max) : above;
}

/** The box of one anchor: for each side, the expected bin of a softmax over its bins, times the stride. */
function decodeBox(level: Level, index: number, bins: number, category: Category, conf: number): Candidate {
  const { stride, grid, dist } = level;
  const cx = (index % grid) * stride + (stride - 1) / 2;
  const cy = Math.floor(index / grid) * stride + (stride - 1) / 2;
  const side = (k: number) => {
    const base = index * 4 * bins + k * bins;
    let max = -Infinity;
    for (let b = 0; b < bins; b += 1) max = Math.max(max, dist.data[base + b] as number);
    let sum = 0;
    let weighted = 0;
    for (let b = 0; b < bins; b += 1) {
      const e = Math.exp((dist.data[base + b] as number) - max);
      sum += e;
      weighted += e * b;
    }
    return (weighted / sum) * stride;
  };
  return { category, conf, x1: cx - side(0), y1: cy - side(1), x2: cx + side(2), y2: cy + side(3) };
}
