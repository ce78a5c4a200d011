import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../../electron/backend/detect/detector.ts';
import { modelManifestSchema } from '../../../electron/backend/detect/model-manifest.ts';
import { prepareImage } from '../../../electron/backend/detect/prepare-image.ts';
import { heronBoxes, iou } from '../../support/ground-truth.ts';
import { heronMedia, sharedPath } from '../../support/shared.ts';
import { tempDir } from '../../support/temp-dir.ts';

const manifest = modelManifestSchema.parse(JSON.parse(fs.readFileSync('resources/models/nanodet-m-416/manifest.json', 'utf8')));
const name = '20210531082539-RCNX0035.JPG';

async function bestAnimal(file: string) {
  const detector = await Detector.load(sharedPath('models', 'nanodet-m-416', 'model.onnx'), manifest, 1);
  const prepared = await prepareImage(file, manifest);
  const animals = (await detector.detect(prepared)).filter((d) => d.category === 'animal');
  return { prepared, box: animals[0]?.bbox ?? [0, 0, 0, 0] };
}

describe('pictures as cards hold them', () => {
  const truth = heronBoxes().get(name) as [number, number, number, number];

  it('turns a picture upright by its EXIF orientation: boxes are in the displayed image', async () => {
    const file = path.join(tempDir(), 'rotated.jpg');
    // Pixels stored turned left, with orientation 6 saying "turn right to display": viewers show the original.
    await sharp(path.join(heronMedia(), name)).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 92 }).toFile(file);
    const { prepared, box } = await bestAnimal(file);
    expect([prepared.width, prepared.height]).toEqual([416, 293]);
    expect(iou(box, truth)).toBeGreaterThan(0.5);
  });

  it('reads CMYK and greyscale JPEGs as colour pictures', async () => {
    const dir = tempDir();
    const cmyk = path.join(dir, 'cmyk.jpg');
    const grey = path.join(dir, 'grey.jpg');
    await sharp(path.join(heronMedia(), name)).toColourspace('cmyk').jpeg().toFile(cmyk);
    await sharp(path.join(heronMedia(), name)).toColourspace('b-w').jpeg().toFile(grey);
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    expect((await sharp(grey).metadata()).channels).toBe(1);
    for (const file of [cmyk, grey]) expect(iou((await bestAnimal(file)).box, truth), file).toBeGreaterThan(0.5);
  });
});
