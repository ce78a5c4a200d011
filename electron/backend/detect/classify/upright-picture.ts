import sharp from 'sharp';
import type { Pixels } from './crop-tensor.ts';

/**
 * The whole picture at full resolution, turned upright by its EXIF orientation, in sRGB (CMYK
 * and greyscale pictures too): crops are cut from what a person sees, as SpeciesNet cuts them.
 */
export async function uprightPixels(file: string): Promise<Pixels> {
  const { data, info } = await sharp(file, { failOn: 'none' }).rotate().toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}
