import { describe, expect, it } from 'vitest';
import { nonMaxSuppression, toDetection } from '../../../electron/backend/detect/boxes.ts';
import { decodeYolov5 } from '../../../electron/backend/detect/decode-yolov5.ts';
import type { Category } from '../../../electron/backend/detect/model-manifest.ts';

const classMap = new Map<number, Category>([
  [0, 'animal'],
  [1, 'person'],
  [2, 'vehicle'],
]);

/** Rows of a MegaDetector (YOLOv5) head: centre x, centre y, width, height, objectness, 3 class scores. */
function head(rows: number[][]) {
  return [{ dims: [1, rows.length, 8], data: Float32Array.from(rows.flat()) }];
}

describe('decoding a YOLOv5-style MegaDetector output', () => {
  it('scores objectness times class, keeps the best class, and drops what is below the floor', () => {
    const found = decodeYolov5(
      head([
        [320, 240, 100, 50, 0.9, 0.95, 0.1, 0.0],
        [100, 100, 20, 40, 0.5, 0.1, 0.8, 0.05],
        [10, 10, 5, 5, 0.004, 0.9, 0.0, 0.0],
      ]),
      { classMap, minConf: 0.005 },
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ category: 'animal', x1: 270, y1: 215, x2: 370, y2: 265 });
    expect(found[0]?.conf).toBeCloseTo(0.855, 5);
    expect(found[1]).toMatchObject({ category: 'person' });
    expect(found[1]?.conf).toBeCloseTo(0.4, 5);
  });

  it('suppresses overlapping boxes of one category only, and maps boxes back through the letterbox', () => {
    const found = decodeYolov5(
      head([
        [320, 240, 100, 100, 0.9, 0.9, 0, 0],
        [325, 245, 100, 100, 0.8, 0.9, 0, 0],
        [322, 242, 100, 100, 0.7, 0, 0.9, 0],
      ]),
      { classMap, minConf: 0.005 },
    );
    const kept = nonMaxSuppression(found, 0.45, 100);
    expect(kept.map((k) => k.category)).toEqual(['animal', 'person']);
    // A 640x480 picture in a 640x640 input sits 80 pixels down.
    const d = toDetection(kept[0] as (typeof kept)[number], { padX: 0, padY: 80, width: 640, height: 480 });
    expect(d.bbox).toEqual([0.42188, 0.22917, 0.15625, 0.20833]);
  });
});
