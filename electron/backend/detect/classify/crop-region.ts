/** A rectangle of pixels in the upright picture. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** SpeciesNet's full_image variant trims at most this share, and at most this many rows, off the picture's height. */
const maxCropRatio = 0.3;
const maxCropRows = 400;

/**
 * The pixels of a box, as SpeciesNet's always_crop variant takes them: each edge truncated
 * (int() of the normalized value times the size), then kept inside the picture and at least one
 * pixel wide, so that a box at the very edge still gives a crop.
 */
export function boxRegion([x, y, w, h]: readonly [number, number, number, number], width: number, height: number): Region {
  const left = Math.min(Math.max(0, Math.trunc(x * width)), width - 1);
  const top = Math.min(Math.max(0, Math.trunc(y * height)), height - 1);
  return {
    left,
    top,
    width: Math.max(1, Math.min(Math.trunc(w * width), width - left)),
    height: Math.max(1, Math.min(Math.trunc(h * height), height - top)),
  };
}

/**
 * The whole picture less a band at the top and the bottom, as SpeciesNet's full_image variant
 * does (tf.image.resize_with_crop_or_pad), so that camera brand stamps do not teach it species.
 */
export function fullRegion(width: number, height: number): Region {
  const kept = Math.max(Math.floor(height * (1 - maxCropRatio)), height - maxCropRows);
  return { left: 0, top: Math.floor((height - kept) / 2), width, height: kept };
}
