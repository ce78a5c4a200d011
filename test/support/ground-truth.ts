import fs from 'node:fs';
import { sharedPath } from './shared.ts';

function rows(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  // The columns read here come before any quoted field with commas.
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i] ?? `c${i}`, v])));
}

/** The heron's box in each local image of the Camtrap DP example: file name → [x, y, w, h]. */
export function heronBoxes(): Map<string, [number, number, number, number]> {
  const dir = sharedPath('fixtures', 'camtrap-dp-example');
  const media = new Map(rows(`${dir}/media.csv`).map((r) => [r.mediaID, r.fileName]));
  const out = new Map<string, [number, number, number, number]>();
  for (const o of rows(`${dir}/observations.csv`)) {
    const name = media.get(o.mediaID ?? '');
    if (!name || !o.bboxX || !fs.existsSync(`${dir}/media/${name}`)) continue;
    out.set(name, [Number(o.bboxX), Number(o.bboxY), Number(o.bboxWidth), Number(o.bboxHeight)]);
  }
  return out;
}

export function iou(a: readonly number[], b: readonly number[]): number {
  const [ax, ay, aw, ah] = a as [number, number, number, number];
  const [bx, by, bw, bh] = b as [number, number, number, number];
  const w = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
  const h = Math.min(ay + ah, by + bh) - Math.max(ay, by);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / (aw * ah + bw * bh - w * h);
}
