import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const png = async () => `data:image/png;base64,${(await sharp({ create: { width: 40, height: 20, channels: 3, background: '#2f6b3f' } }).png().toBuffer()).toString('base64')}`;

describe('analysis.saveImage writes a figure into the chosen folder', () => {
  it('saves a PNG under its name, whole, with no temporary file left', async () => {
    const { must } = testBackend();
    const folder = tempDir('figures-');
    const saved = await must('analysis.saveImage', { dataUrl: await png(), folder, name: 'diel-curve_Ardea' });
    expect(saved.file).toBe(path.join(folder, 'diel-curve_Ardea.png'));
    expect(fs.readdirSync(folder)).toEqual(['diel-curve_Ardea.png']);
    expect(await sharp(saved.file).metadata()).toMatchObject({ format: 'png', width: 40, height: 20 });
    expect(fs.statSync(saved.file).size).toBe(saved.bytes);
  });

  it('refuses what is not a PNG, a name that leaves the folder, and a folder that is gone', async () => {
    const { call } = testBackend();
    const folder = tempDir('figures-');
    const jpeg = `data:image/png;base64,${(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).jpeg().toBuffer()).toString('base64')}`;
    const notPng = await call('analysis.saveImage', { dataUrl: jpeg, folder, name: 'x' });
    expect(notPng.ok ? null : notPng.error.message).toMatch(/not a PNG/);
    const svg = await call('analysis.saveImage', { dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=', folder, name: 'x' });
    expect(svg.ok).toBe(false);
    const escape = await call('analysis.saveImage', { dataUrl: await png(), folder, name: '../outside' });
    expect(escape.ok ? null : escape.error.message).toMatch(/file name/);
    const gone = await call('analysis.saveImage', { dataUrl: await png(), folder: path.join(folder, 'gone'), name: 'x' });
    expect(gone.ok ? null : gone.error.message).toMatch(/does not exist/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
