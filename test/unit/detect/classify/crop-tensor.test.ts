import { describe, expect, it } from 'vitest';
import type { ClassifierManifest } from '../../../../electron/backend/detect/classify/classifier-manifest.ts';
import { writeCropTensor, type Pixels } from '../../../../electron/backend/detect/classify/crop-tensor.ts';

const manifest = (size: number, layout: 'nchw' | 'nhwc', channelOrder: 'rgb' | 'bgr' = 'rgb'): ClassifierManifest =>
  ({ inputSize: size, preprocess: { layout, channelOrder, mean: [0, 0, 0], std: [1, 1, 1] } }) as ClassifierManifest;

/** A picture of one row, grey levels given, the same in every channel but shifted per channel so channels can be told apart. */
function row(values: number[]): Pixels {
  const data = new Uint8Array(values.length * 3);
  values.forEach((v, i) => data.set([v, v, 255 - v], i * 3));
  return { data, width: values.length, height: 1, channels: 3 };
}

describe('a crop made into the classifier input', () => {
  it('samples bilinearly with half-pixel centres and no antialiasing, then truncates to bytes as TensorFlow does', () => {
    const out = new Float32Array(3 * 4 * 4);
    writeCropTensor(row([0, 255]), { left: 0, top: 0, width: 2, height: 1 }, manifest(4, 'nchw'), out, 0);
    // tf.image.resize([0, 255] -> 4) is [0, 63.75, 191.25, 255]; x 255.5 / 255, truncated: 0, 63, 191, 255.
    expect(Array.from(out.subarray(0, 4))).toEqual([0, 63, 191, 255]);
    // Every row of the stretched single row is the same; the blue channel is the mirror image.
    expect(Array.from(out.subarray(12, 16))).toEqual([0, 63, 191, 255]);
    expect(Array.from(out.subarray(32, 36))).toEqual([255, 191, 63, 0]);
  });

  it('reads only the region, in the model channel order and layout, into the given slot of a batch', () => {
    const pixels = row([10, 20, 30, 40, 50, 60]);
    const out = new Float32Array(2 * 3 * 2 * 2);
    writeCropTensor(pixels, { left: 2, top: 0, width: 2, height: 1 }, manifest(2, 'nhwc', 'bgr'), out, 1);
    expect(Array.from(out.subarray(0, 12))).toEqual(new Array(12).fill(0));
    // Pixel (0, 0) of slot 1 in NHWC, BGR: blue (255 - 30), green 30, red 30.
    expect(Array.from(out.subarray(12, 15))).toEqual([225, 30, 30]);
    expect(Array.from(out.subarray(15, 18))).toEqual([215, 40, 40]);
  });

  it('normalizes with the manifest mean and spread, and reads greyscale as three equal channels', () => {
    const grey: Pixels = { data: new Uint8Array([100, 100, 100, 100]), width: 2, height: 2, channels: 1 };
    const out = new Float32Array(3);
    const m = { inputSize: 1, preprocess: { layout: 'nchw', channelOrder: 'rgb', mean: [100, 50, 0], std: [1, 2, 4] } } as ClassifierManifest;
    writeCropTensor(grey, { left: 0, top: 0, width: 2, height: 2 }, m, out, 0);
    expect(Array.from(out)).toEqual([0, 25, 25]);
  });
});
