import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { ModelManifest } from './model-manifest.ts';
import { jpegIsTruncated } from '../ingest/media-kinds.ts';

/** An image made ready for a model: letterboxed into its square input, channels first. */
export interface PreparedImage {
  tensor: Float32Array;
  /** Where the picture sits inside the square, and its size there, to map boxes back. */
  padX: number;
  padY: number;
  width: number;
  height: number;
  truncated: boolean;
}

async function endsEarly(file: string): Promise<boolean> {
  if (!/\.jpe?g$/i.test(file)) return false;
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(64, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return jpegIsTruncated(tail);
  } finally {
    await handle.close();
  }
}

/**
 * Decodes with shrink-on-load (a 2048-pixel JPEG is decoded at a quarter of its size when the
 * model wants 416), turns the picture upright by its EXIF orientation, makes CMYK and greyscale
 * into sRGB, and letterboxes it. A cut-off JPEG decodes as far as it goes and is flagged.
 */
export async function prepareImage(file: string, manifest: ModelManifest): Promise<PreparedImage> {
  const size = manifest.inputSize;
  const [{ data, info }, truncated] = await Promise.all([
    sharp(file, { failOn: 'none' })
      .rotate()
      // Bilinear, as MegaDetector's own letterbox does; lanczos costs a fifth more here for nothing a detector sees.
      .resize(size, size, { fit: 'inside', kernel: 'linear' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true }),
    endsEarly(file),
  ]);
  return { ...letterbox(data, info.width, info.height, info.channels, manifest), truncated };
}

/**
 * Pixels already fitted inside the model's square (sharp's 'inside', or a video frame scaled by
 * ffmpeg to the same size), centred on the pad colour and normalized, channels first.
 */
export function letterbox(data: Uint8Array, width: number, height: number, channels: number, manifest: ModelManifest): Omit<PreparedImage, 'truncated'> {
  const size = manifest.inputSize;
  const { mean, std, padValue, channelOrder } = manifest.preprocess;
  const plane = size * size;
  const tensor = new Float32Array(3 * plane);
  const padX = Math.floor((size - width) / 2);
  const padY = Math.floor((size - height) / 2);
  const lut = new Float32Array(256);
  for (let c = 0; c < 3; c += 1) {
    // Model channel c reads source channel c (RGB) or 2 - c (BGR); a table normalizes each byte value once.
    const source = channelOrder === 'bgr' ? 2 - c : c;
    const m = mean[c] as number;
    const s = std[c] as number;
    for (let v = 0; v < 256; v += 1) lut[v] = (v - m) / s;
    const offset = c * plane;
    tensor.fill((padValue - m) / s, offset, offset + plane);
    for (let y = 0; y < height; y += 1) {
      let out = offset + (y + padY) * size + padX;
      let at = y * width * channels + (channels === 1 ? 0 : source);
      for (let x = 0; x < width; x += 1) {
        tensor[out] = lut[data[at] as number] as number;
        out += 1;
        at += channels;
      }
    }
  }
  return { tensor, padX, padY, width, height };
}

/** The size a picture of width x height takes inside the model's square: sharp's fit 'inside', with its rounding. */
export function fitInside(width: number, height: number, size: number): { width: number; height: number } {
  const scale = Math.min(size / width, size / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
