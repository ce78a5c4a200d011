/**
 * A tiny species classifier made by test code, as a real ONNX file in a real classifier package:
 * what it answers follows from what is in the crop, so a test can tell whether the app cropped,
 * turned and scaled the right part of the picture.
 *
 * The graph: input [N,3,32,32] (values 0..1 after the manifest's mean 0, std 255) → AveragePool
 * 16x16 stride 16 → [N,3,2,2] (each channel's mean over the four quarters of the crop) → Flatten
 * → [N,12] → Gemm → logits [N,6]. The app applies the softmax (the manifest says so).
 *
 * THE RULE the tests rely on. With R, G and B the crop's mean red, green and blue (0..1),
 * Y = (R + G + B) / 3 its brightness, T the brightness of its top-left quarter and O that of the
 * other three quarters together:
 *
 *   0 blank     10 × (0.5 − Y)       a dark crop
 *   1 animal    1                    nothing else stands out (grey, white, a mix)
 *   2 lion      10 × (2R − G − B)    a red crop
 *   3 zebra     10 × (2G − R − B)    a green crop
 *   4 elephant  10 × (2B − R − G)    a blue crop
 *   5 warthog   20 × (T − O)         bright top-left quarter on a dark rest; a crop that was
 *                                    flipped or turned (EXIF orientation) or offset loses it
 *
 * So a pure red, green or blue crop is lion, zebra or elephant (logit 20, softmax above 0.99);
 * black is blank (5); grey or white is animal (1 against 0 or less); white in the top-left
 * quarter on black is warthog (20), and the same turned half a turn is blank. The label lines
 * are in SpeciesNet's form with the uuids SpeciesNet's taxonomy uses, as far as they are known.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { onnxModel } from './onnx-writer.ts';
import { tempDir } from './temp-dir.ts';

export const tinyLabels = [
  'f1856211-cfb7-4a5b-9158-c0f72fd09ee6;;;;;;blank',
  '1f689929-883d-4dae-958c-3d57ab5b6c16;;;;;;animal',
  'ddf59264-185a-4d35-b647-2785792bdf54;mammalia;carnivora;felidae;panthera;leo;lion',
  'dd39bbd5-077c-482e-9d33-bd176116c870;mammalia;perissodactyla;equidae;equus;quagga;plains zebra',
  '55631055-3e0e-4b7a-9612-dedebe9f78b0;mammalia;proboscidea;elephantidae;loxodonta;africana;african elephant',
  'ccd7d6d7-8eb2-4fdb-a6d6-f1970847e449;mammalia;artiodactyla;suidae;phacochoerus;africanus;common warthog',
] as const;

/** Output index of each label. */
export const tinyClass = { blank: 0, animal: 1, lion: 2, zebra: 3, elephant: 4, warthog: 5 } as const;
export type TinyClassName = keyof typeof tinyClass;

export const tinyInputSize = 32;

/** Feature i of the flattened pool is channel ⌊i/4⌋ (R, G, B) over quarter i mod 4 (top-left, top-right, bottom-left, bottom-right). */
const features = 12;
const channelOf = (i: number): number => Math.floor(i / 4);
const quarterOf = (i: number): number => i % 4;

/** One row of weights and the bias per label: the rule above, written out. */
function rule(): { weights: number[][]; bias: number[] } {
  const row = (weight: (i: number) => number): number[] => Array.from({ length: features }, (_, i) => weight(i));
  const colour = (c: number) => row((i) => (channelOf(i) === c ? 20 / 4 : -10 / 4));
  return {
    weights: [
      row(() => -10 / features),
      row(() => 0),
      colour(0),
      colour(1),
      colour(2),
      row((i) => (quarterOf(i) === 0 ? 20 / 3 : -20 / 9)),
    ],
    bias: [5, 1, 0, 0, 0, 0],
  };
}

/** The logits the model gives for a crop's 12 pooled features: what ONNX Runtime must agree with. */
export function tinyLogits(pooled: number[]): number[] {
  const { weights, bias } = rule();
  return weights.map((w, k) => w.reduce((sum, wi, i) => sum + wi * (pooled[i] ?? 0), bias[k] ?? 0));
}

/** The model file itself. */
export function tinyClassifierModel(): Buffer {
  const { weights, bias } = rule();
  const half = tinyInputSize / 2;
  return onnxModel({
    name: 'tiny-test-classifier',
    nodes: [
      { op: 'AveragePool', inputs: ['input'], outputs: ['pooled'], attributes: [{ name: 'kernel_shape', ints: [half, half] }, { name: 'strides', ints: [half, half] }] },
      { op: 'Flatten', inputs: ['pooled'], outputs: ['features'], attributes: [{ name: 'axis', int: 1 }] },
      { op: 'Gemm', inputs: ['features', 'weights', 'bias'], outputs: ['logits'], attributes: [{ name: 'transB', int: 1 }] },
    ],
    initializers: [
      { name: 'weights', dims: [tinyLabels.length, features], values: weights.flat() },
      { name: 'bias', dims: [tinyLabels.length], values: bias },
    ],
    inputs: [{ name: 'input', dims: ['N', 3, tinyInputSize, tinyInputSize] }],
    outputs: [{ name: 'logits', dims: ['N', tinyLabels.length] }],
  });
}

function sha256(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Lists every file of the package but manifest.json, as an install checks them. */
export function listedFiles(dir: string): { name: string; size: number; sha256: string }[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name !== 'manifest.json')
    .sort()
    .map((name) => {
      const data = fs.readFileSync(path.join(dir, name));
      return { name, size: data.length, sha256: sha256(data) };
    });
}

export interface TinyPackageOptions {
  /** labels.txt as written, instead of the six lines above: a hostile package's. */
  labels?: string | Buffer;
  /** Manifest fields to change; `files` is listed from what is written unless given. */
  manifest?: Record<string, unknown>;
}

/**
 * Writes the package (manifest.json, model.onnx, labels.txt) into dir, or into a new temporary
 * folder, and returns the folder.
 */
export function tinyClassifierPackage(dir?: string, options: TinyPackageOptions = {}): string {
  const folder = dir ?? path.join(tempDir('camtrap-classifier-'), 'tiny-test-classifier');
  fs.mkdirSync(folder, { recursive: true });
  const model = tinyClassifierModel();
  fs.writeFileSync(path.join(folder, 'model.onnx'), model);
  fs.writeFileSync(path.join(folder, 'labels.txt'), options.labels ?? `${tinyLabels.join('\n')}\n`);
  const manifest = {
    kind: 'classifier',
    id: 'tiny-test-classifier',
    name: 'Tiny test classifier',
    version: '1',
    licence: 'Apache-2.0',
    file: 'model.onnx',
    sha256: sha256(model),
    labels: 'labels.txt',
    inputSize: tinyInputSize,
    crop: 'crop',
    preprocess: { layout: 'nchw', channelOrder: 'rgb', mean: [0, 0, 0], std: [255, 255, 255] },
    output: { activation: 'softmax' },
    batchSize: 4,
    purpose: 'development',
    files: listedFiles(folder),
    ...options.manifest,
  };
  fs.writeFileSync(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return folder;
}

export type Rgb = [number, number, number];

export interface PictureSpec {
  width: number;
  height: number;
  background: Rgb;
  /** Boxes as MegaDetector gives them, [x, y, width, height] in 0..1 of the upright picture. */
  patches: { box: [number, number, number, number]; colour: Rgb }[];
  /** EXIF orientation: the pixels are stored turned so that a viewer that obeys it shows the picture upright. */
  orientation?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  colourspace?: 'srgb' | 'cmyk' | 'b-w';
}

/** The upright picture's pixels, RGB. */
function uprightPixels({ width, height, background, patches }: PictureSpec): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i += 1) pixels.set(background, i * 3);
  for (const { box, colour } of patches) {
    const [x0, y0] = [Math.round(box[0] * width), Math.round(box[1] * height)];
    const [x1, y1] = [Math.min(width, Math.round((box[0] + box[2]) * width)), Math.min(height, Math.round((box[1] + box[3]) * height))];
    for (let y = Math.max(0, y0); y < y1; y += 1) for (let x = Math.max(0, x0); x < x1; x += 1) pixels.set(colour, (y * width + x) * 3);
  }
  return pixels;
}

/**
 * Where upright pixel (x, y) is stored for each orientation: the inverse of what EXIF tells a
 * viewer to do (2 mirror, 3 half turn, 4 flip, 5 transpose, 6 quarter turn right, 7 transverse,
 * 8 quarter turn left). Stored size is sw × sh.
 */
function storedAt(orientation: number, x: number, y: number, sw: number, sh: number): [number, number] {
  switch (orientation) {
    case 2:
      return [sw - 1 - x, y];
    case 3:
      return [sw - 1 - x, sh - 1 - y];
    case 4:
      return [x, sh - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [y, sh - 1 - x];
    case 7:
      return [sw - 1 - y, sh - 1 - x];
    case 8:
      return [sw - 1 - y, x];
    default:
      return [x, y];
  }
}

/**
 * Writes a JPEG whose upright picture (as sharp().rotate() or any viewer shows it) is the
 * background with each patch where its box says, whatever the orientation tag and colour space.
 */
export async function pictureWith(file: string, spec: PictureSpec): Promise<string> {
  const { width, height, orientation = 1, colourspace = 'srgb' } = spec;
  const upright = uprightPixels(spec);
  const turned = orientation >= 5;
  const [sw, sh] = turned ? [height, width] : [width, height];
  const stored = Buffer.alloc(upright.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [sx, sy] = storedAt(orientation, x, y, sw, sh);
      upright.copy(stored, (sy * sw + sx) * 3, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  const jpeg = { quality: 95, chromaSubsampling: '4:4:4' } as const;
  const tagged = sharp(stored, { raw: { width: sw, height: sh, channels: 3 } }).withMetadata({ orientation });
  if (colourspace === 'srgb') {
    await tagged.jpeg(jpeg).toFile(file);
    return file;
  }
  // withMetadata converts to sRGB; a second pass keeps the tag and changes only the colour space.
  await sharp(await tagged.jpeg({ ...jpeg, quality: 100 }).toBuffer())
    .toColourspace(colourspace)
    .keepExif()
    .jpeg(jpeg)
    .toFile(file);
  return file;
}
