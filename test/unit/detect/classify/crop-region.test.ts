import { describe, expect, it } from 'vitest';
import { boxRegion, fullRegion } from '../../../../electron/backend/detect/classify/crop-region.ts';

describe('the pixels a classifier is given', () => {
  it('cuts a box as SpeciesNet does: each edge truncated, kept inside the picture, never empty', () => {
    expect(boxRegion([0.25, 0.5, 0.5, 0.25], 2048, 1536)).toEqual({ left: 512, top: 768, width: 1024, height: 384 });
    expect(boxRegion([0.1234, 0.0999, 0.3333, 0.6667], 100, 75)).toEqual({ left: 12, top: 7, width: 33, height: 50 });
    expect(boxRegion([0.99, 0.99, 0.5, 0.5], 100, 100)).toEqual({ left: 99, top: 99, width: 1, height: 1 });
    expect(boxRegion([0, 0, 0.001, 0.001], 100, 100)).toEqual({ left: 0, top: 0, width: 1, height: 1 });
    expect(boxRegion([1, 1, 0, 0], 100, 100)).toEqual({ left: 99, top: 99, width: 1, height: 1 });
  });

  it('trims the top and bottom of a whole picture as the full_image variant does', () => {
    // 30 % of 1000 rows is 300, under the 400-row cap: 700 rows kept, 150 off the top.
    expect(fullRegion(1500, 1000)).toEqual({ left: 0, top: 150, width: 1500, height: 700 });
    // 30 % of 2000 would be 600: the cap keeps 1600 rows.
    expect(fullRegion(3000, 2000)).toEqual({ left: 0, top: 200, width: 3000, height: 1600 });
  });
});
