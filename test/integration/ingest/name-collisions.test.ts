import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeCard } from '../../support/make-card.ts';
import { cameraTrapImages } from '../../support/shared.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('two cards whose cameras restarted their numbering', () => {
  it('keeps both files under browsable names: the second gets " (2)"', async () => {
    const work = tempDir();
    makeCard(path.join(work, 'card1'), 3);
    makeCard(path.join(work, 'card2'), 3, [path.join(cameraTrapImages(), 'vehicle.jpg'), path.join(cameraTrapImages(), 'blank.jpg')]);
    const t = testBackend();
    const library = path.join(work, 'library');
    await libraryWithDeployment(t, library);
    await importAndWait(t, path.join(work, 'card1'), 'dep1');
    const { summary } = await importAndWait(t, path.join(work, 'card2'), 'dep1');
    expect(summary.imported).toBe(3);
    const folder = path.join(library, 'media', 'dep1', 'DCIM', '100RECNX');
    expect(fs.readdirSync(folder).sort()).toEqual(['RCNX0001 (2).JPG', 'RCNX0001.JPG', 'RCNX0002 (2).JPG', 'RCNX0002.JPG', 'RCNX0003 (2).JPG', 'RCNX0003.JPG']);
    expect(fs.readFileSync(path.join(folder, 'RCNX0001 (2).JPG')).equals(fs.readFileSync(path.join(work, 'card2', 'DCIM', '100RECNX', 'RCNX0001.JPG')))).toBe(true);
  });

  it('keeps names apart that differ only in case, as a macOS or Windows disk would need', async () => {
    const work = tempDir();
    const card = path.join(work, 'card');
    fs.mkdirSync(card);
    fs.copyFileSync(path.join(cameraTrapImages(), 'vehicle.jpg'), path.join(card, 'IMG.JPG'));
    fs.copyFileSync(path.join(cameraTrapImages(), 'blank.jpg'), path.join(card, 'img.jpg'));
    const t = testBackend();
    const library = path.join(work, 'library');
    await libraryWithDeployment(t, library);
    const { summary } = await importAndWait(t, card, 'dep1');
    expect(summary.imported).toBe(2);
    const names = fs.readdirSync(path.join(library, 'media', 'dep1')).sort();
    expect(names.map((n) => n.toLowerCase()).sort()).toEqual(['img (2).jpg', 'img.jpg']);
  });
});
