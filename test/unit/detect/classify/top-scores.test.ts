import { describe, expect, it } from 'vitest';
import { topOf } from '../../../../electron/backend/detect/classify/classifier.ts';

describe('the top scores of a crop', () => {
  it('turns logits into probabilities and keeps the best five, best first, ties by label order', () => {
    const logits = Float32Array.from([0, Math.log(4), 0, Math.log(2), 0, 0, Math.log(2)]);
    const top = topOf(logits, 'softmax');
    // exp: 1, 4, 1, 2, 1, 1, 2 (sum 12).
    expect(top).toEqual([
      [1, 0.333333],
      [3, 0.166667],
      [6, 0.166667],
      [0, 0.083333],
      [2, 0.083333],
    ]);
  });

  it('keeps scores as they are when the model gives scores', () => {
    expect(topOf(Float32Array.from([0.1, 0.7, 0.2]), 'none', 2)).toEqual([
      [1, 0.7],
      [2, 0.2],
    ]);
  });
});
