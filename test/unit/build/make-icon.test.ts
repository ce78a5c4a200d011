import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { iconFile, iconSource, renderIcon } from '../../../build/scripts/make-icon.mjs';

const config = createRequire(import.meta.url)('../../../build/packaging/electron-builder.config.cjs') as { directories: { buildResources: string } };

describe('the app icon', () => {
  it('is where electron-builder looks for it, 1024 pixels square, drawn from the SVG the page shows', async () => {
    expect(path.resolve(config.directories.buildResources, 'icon.png')).toBe(iconFile);
    const committed = await sharp(iconFile).raw().toBuffer({ resolveWithObject: true });
    expect(committed.info).toMatchObject({ width: 1024, height: 1024 });
    const fresh = await renderIcon().raw().toBuffer();
    // If this fails, the SVG changed without `npm run make:icon`.
    expect(fresh.equals(committed.data)).toBe(true);
    expect(fs.readFileSync(path.resolve('renderer', 'index.html'), 'utf8')).toContain(`href="./${path.basename(iconSource)}"`);
  });
});
