import type { ClassifierManifest } from './classifier-manifest.ts';
import type { Region } from './crop-region.ts';

/** Decoded pixels of the upright picture, row by row, 1 (grey) or 3+ (sRGB) channels per pixel. */
export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** Where each output position reads from along one axis: tf.image.resize's bilinear with half-pixel centres. */
function axis(outSize: number, start: number, inSize: number): { lo: Int32Array; hi: Int32Array; t: Float32Array } {
  const scale = inSize / outSize;
  const lo = new Int32Array(outSize);
  const hi = new Int32Array(outSize);
  const t = new Float32Array(outSize);
  for (let i = 0; i < outSize; i += 1) {
    const at = (i + 0.5) * scale - 0.5;
    const floor = Math.floor(at);
    lo[i] = start + Math.max(floor, 0);
    hi[i] = start + Math.min(Math.ceil(at), inSize - 1);
    t[i] = at < 0 ? 0 : at - floor;
  }
  return { lo, hi, t };
}

/**
 * Writes one crop into a batch tensor at `slot`: the region stretched to the model's square input
 * with bilinear sampling and no antialiasing (tf.image.resize, as SpeciesNet; torch's
 * interpolate with align_corners=False gives the same), brought back to whole bytes the way
 * SpeciesNet does (TensorFlow's float to uint8: truncation of value x 255.5 / 255), then
 * normalized per channel in the model's order and layout.
 */
export function writeCropTensor(pixels: Pixels, region: Region, manifest: ClassifierManifest, out: Float32Array, slot: number): void {
  const size = manifest.inputSize;
  const { layout, channelOrder, mean, std } = manifest.preprocess;
  const xs = axis(size, region.left, region.width);
  const ys = axis(size, region.top, region.height);
  const { data, width, channels } = pixels;
  const plane = size * size;
  const base = slot * 3 * plane;
  const lut = [0, 1, 2].map((c) => {
    const table = new Float32Array(256);
    for (let v = 0; v < 256; v += 1) table[v] = (v - (mean[c] as number)) / (std[c] as number);
    return table;
  });
  for (let c = 0; c < 3; c += 1) {
    const source = channels < 3 ? 0 : channelOrder === 'bgr' ? 2 - c : c;
    const table = lut[c] as Float32Array;
    for (let y = 0; y < size; y += 1) {
      const rowLo = (ys.lo[y] as number) * width;
      const rowHi = (ys.hi[y] as number) * width;
      const ty = ys.t[y] as number;
      for (let x = 0; x < size; x += 1) {
        const a = ((xs.lo[x] as number) + rowLo) * channels + source;
        const b = ((xs.hi[x] as number) + rowLo) * channels + source;
        const cc = ((xs.lo[x] as number) + rowHi) * channels + source;
        const d = ((xs.hi[x] as number) + rowHi) * channels + source;
        const tx = xs.t[x] as number;
        const top = (data[a] as number) + ((data[b] as number) - (data[a] as number)) * tx;
        const bottom = (data[cc] as number) + ((data[d] as number) - (data[cc] as number)) * tx;
        const value = top + (bottom - top) * ty;
        const byte = Math.min(255, Math.max(0, Math.floor((value / 255) * 255.5)));
        const at = layout === 'nchw' ? base + c * plane + y * size + x : base + (y * size + x) * 3 + c;
        out[at] = table[byte] as number;
      }
    }
  }
}
