import type { Category } from './model-manifest.ts';

/** A candidate in the model's input pixels, corners form. */
export interface Candidate {
  category: Category;
  conf: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A detection as stored: bbox [x, y, width, height] normalized to the upright image (the MegaDetector convention). */
export interface Detection {
  category: Category;
  conf: number;
  bbox: [number, number, number, number];
  /** In a video: the frame it was found in. */
  frame?: number;
}

function iou(a: Candidate, b: Candidate): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / ((a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter);
}

/** Greedy non-maximum suppression within each category, best first. */
export function nonMaxSuppression(candidates: Candidate[], iouThreshold: number, maxBoxes: number): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.conf - a.conf);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.length >= maxBoxes) break;
    if (kept.every((k) => k.category !== c.category || iou(k, c) <= iouThreshold)) kept.push(c);
  }
  return kept;
}

/** From the letterboxed square back to the upright picture, normalized and clipped to it. */
export function toDetection(c: Candidate, place: { padX: number; padY: number; width: number; height: number }): Detection {
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  const x1 = clip((c.x1 - place.padX) / place.width);
  const y1 = clip((c.y1 - place.padY) / place.height);
  const x2 = clip((c.x2 - place.padX) / place.width);
  const y2 = clip((c.y2 - place.padY) / place.height);
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return { category: c.category, conf: round(c.conf), bbox: [round(x1), round(y1), round(x2 - x1), round(y2 - y1)] };
}
