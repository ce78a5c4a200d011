import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import sharp, { type OutputInfo } from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { classifierManifestSchema } from '../../../electron/backend/detect/classify/classifier-manifest.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';
import { pictureWith, tinyClass, tinyClassifierPackage, tinyInputSize, tinyLabels, tinyLogits, type PictureSpec, type Rgb, type TinyClassName } from '../../support/tiny-classifier.ts';

afterAll(removeTempDirs);

const size = tinyInputSize;
type Crop = (x: number, y: number) => Rgb;

/** A batch of crops as the manifest asks: NCHW, RGB, byte / 255. */
function batch(crops: Crop[]): ort.Tensor {
  const data = new Float32Array(crops.length * 3 * size * size);
  crops.forEach((crop, n) => {
    for (let y = 0; y < size; y += 1) {
      for (let x = 0; x < size; x += 1) crop(x, y).forEach((v, c) => (data[((n * 3 + c) * size + y) * size + x] = v / 255));
    }
  });
  return new ort.Tensor('float32', data, [crops.length, 3, size, size]);
}

/** The crop's mean per channel and quarter, as the model's pool sees it. */
function pooled(crop: Crop): number[] {
  const sums = Array.from({ length: 12 }, () => 0);
  const quarter = (size * size) / 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      crop(x, y).forEach((v, c) => {
        const i = c * 4 + (y < size / 2 ? 0 : 2) + (x < size / 2 ? 0 : 1);
        sums[i] = (sums[i] ?? 0) + v / 255 / quarter;
      });
    }
  }
  return sums;
}

function softmax(logits: number[]): number[] {
  const top = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const solid =
  (colour: Rgb): Crop =>
  () =>
    colour;
const brightTopLeft: Crop = (x, y) => (x < size / 2 && y < size / 2 ? [255, 255, 255] : [0, 0, 0]);
const brightBottomRight: Crop = (x, y) => (x >= size / 2 && y >= size / 2 ? [255, 255, 255] : [0, 0, 0]);

const dir = tinyClassifierPackage();
const session = ort.InferenceSession.create(path.join(dir, 'model.onnx'));

async function classify(crops: Crop[]): Promise<{ best: TinyClassName; score: number; logits: number[] }[]> {
  const s = await session;
  const out = (await s.run({ [s.inputNames[0] as string]: batch(crops) }))[s.outputNames[0] as string] as ort.Tensor;
  expect(out.dims).toEqual([crops.length, tinyLabels.length]);
  const data = Array.from(out.data as Float32Array);
  return crops.map((_, n) => {
    const logits = data.slice(n * tinyLabels.length, (n + 1) * tinyLabels.length);
    const scores = softmax(logits);
    const index = scores.indexOf(Math.max(...scores));
    return { best: (Object.keys(tinyClass) as TinyClassName[])[index] as TinyClassName, score: scores[index] as number, logits };
  });
}

describe('the tiny test classifier', () => {
  it('is a package the classifier manifest accepts, every file listed with its size and checksum', () => {
    const manifest = classifierManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({ kind: 'classifier', id: 'tiny-test-classifier', purpose: 'development', inputSize: 32, batchSize: 4 });
    expect(manifest.files?.map((f) => f.name)).toEqual(['labels.txt', 'model.onnx']);
    expect(fs.readFileSync(path.join(dir, 'labels.txt'), 'utf8').trim().split('\n')).toEqual([...tinyLabels]);
  });

  it.each([
    ['red', solid([255, 0, 0]), 'lion', 'green', solid([0, 255, 0]), 'zebra'],
    ['blue', solid([0, 0, 255]), 'elephant', 'black', solid([0, 0, 0]), 'blank'],
    ['grey', solid([128, 128, 128]), 'animal', 'white', solid([255, 255, 255]), 'animal'],
    ['bright top-left', brightTopLeft, 'warthog', 'the same half turned', brightBottomRight, 'blank'],
  ] as const)('runs in ONNX Runtime two at a time: %s is %s, %s is %s', async (_a, first, firstIs, _b, second, secondIs) => {
    const [one, two] = await classify([first, second]);
    expect([one?.best, two?.best]).toEqual([firstIs, secondIs]);
    for (const [crop, got] of [[first, one], [second, two]] as const) {
      tinyLogits(pooled(crop)).forEach((l, k) => expect(got?.logits[k]).toBeCloseTo(l, 4));
    }
  });

  it('is sure of a pure colour', async () => {
    for (const r of await classify([solid([255, 0, 0]), solid([0, 0, 255])])) expect(r.score).toBeGreaterThan(0.99);
  });
});

describe('test pictures', () => {
  const spec: PictureSpec = {
    width: 120,
    height: 80,
    background: [40, 40, 40],
    patches: [
      { box: [0.1, 0.2, 0.25, 0.3], colour: [230, 20, 20] },
      { box: [0.7, 0.6, 0.2, 0.3], colour: [20, 20, 230] },
    ],
  };

  async function upright(file: string): Promise<{ width: number; height: number; at: (x: number, y: number) => number[] }> {
    const { data, info } = await sharp(file).rotate().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, at: (x, y) => Array.from(data.subarray((Math.floor(y * info.height) * info.width + Math.floor(x * info.width)) * info.channels).subarray(0, info.channels)) };
  }

  const near = (got: number[], want: number[]) => got.forEach((v, i) => expect(Math.abs(v - (want[i] as number))).toBeLessThan(12));

  it.each([1, 2, 3, 4, 5, 6, 7, 8] as const)('puts each patch where its box says, upright, with orientation %i', async (orientation) => {
    const file = await pictureWith(path.join(tempDir(), `o${orientation}.jpg`), { ...spec, orientation });
    const meta = await sharp(file).metadata();
    expect(meta.orientation).toBe(orientation);
    expect([meta.width, meta.height]).toEqual(orientation >= 5 ? [80, 120] : [120, 80]);
    const pic = await upright(file);
    expect([pic.width, pic.height]).toEqual([120, 80]);
    near(pic.at(0.225, 0.35), [230, 20, 20]);
    near(pic.at(0.8, 0.75), [20, 20, 230]);
    near(pic.at(0.05, 0.05), [40, 40, 40]);
    near(pic.at(0.5, 0.5), [40, 40, 40]);
    // The stored pixels are turned: read without the tag, the red patch is elsewhere.
    if (orientation !== 1) {
      const raw = await sharp(file).raw().toBuffer({ resolveWithObject: true });
      const x = Math.floor(0.225 * raw.info.width);
      const y = Math.floor(0.35 * raw.info.height);
      expect(raw.data[(y * raw.info.width + x) * 3]).toBeLessThan(100);
    }
  });

  it('writes CMYK and greyscale JPEGs', async () => {
    const cmyk = await pictureWith(path.join(tempDir(), 'cmyk.jpg'), { ...spec, orientation: 6, colourspace: 'cmyk' });
    const grey = await pictureWith(path.join(tempDir(), 'grey.jpg'), { ...spec, orientation: 3, colourspace: 'b-w' });
    expect(await sharp(cmyk).metadata()).toMatchObject({ space: 'cmyk', orientation: 6 });
    expect(await sharp(grey).metadata()).toMatchObject({ channels: 1, orientation: 3 });
    const colour = await upright(cmyk);
    expect(colour.at(0.225, 0.35)[0]).toBeGreaterThan(180);
    expect(colour.at(0.225, 0.35)[1]).toBeLessThan(80);
    const bw = await upright(grey);
    expect(bw.at(0.225, 0.35)[0]).toBeGreaterThan(60);
    expect(bw.at(0.05, 0.05)[0]).toBeLessThan(50);
  });

  it('lets the classifier tell a crop cut from the upright picture from one cut from the stored pixels', async () => {
    const box: [number, number, number, number] = [0.25, 0.25, 0.5, 0.5];
    const file = await pictureWith(path.join(tempDir(), 'warthog.jpg'), {
      width: 160,
      height: 120,
      background: [0, 0, 0],
      patches: [{ box: [0.25, 0.25, 0.25, 0.25], colour: [255, 255, 255] }],
      orientation: 6,
    });
    /** The box cut from the pixels as given and stretched to the input size. */
    const cropOf = async (pixels: Promise<{ data: Buffer; info: OutputInfo }>): Promise<Crop> => {
      const { data: all, info } = await pixels;
      const region = { left: Math.round(box[0] * info.width), top: Math.round(box[1] * info.height), width: Math.round(box[2] * info.width), height: Math.round(box[3] * info.height) };
      const data = await sharp(all, { raw: { width: info.width, height: info.height, channels: info.channels } }).extract(region).resize(size, size, { fit: 'fill' }).raw().toBuffer();
      return (x, y) => Array.from(data.subarray((y * size + x) * 3, (y * size + x) * 3 + 3)) as Rgb;
    };
    const [right, wrong] = await classify([await cropOf(sharp(file).rotate().raw().toBuffer({ resolveWithObject: true })), await cropOf(sharp(file).raw().toBuffer({ resolveWithObject: true }))]);
    expect(right?.best).toBe('warthog');
    expect(wrong?.best).not.toBe('warthog');
  });
});
