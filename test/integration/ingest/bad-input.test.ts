import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { cameraTrapImages, heronMedia } from '../../support/shared.ts';
import { snapshotTree } from '../../support/snapshot-tree.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('a card with awkward files', () => {
  it('imports what is good, explains each refusal, and leaves the card as it was', async () => {
    const work = tempDir();
    const card = path.join(work, 'card', 'DCIM', '100MEDIA');
    fs.mkdirSync(card, { recursive: true });
    const put = (name: string, data: Buffer | string) => fs.writeFileSync(path.join(card, name), data);
    put('EMPTY.JPG', Buffer.alloc(0));
    put('NOTES.JPG', 'this is a text file with a picture extension\n');
    fs.copyFileSync(path.join(cameraTrapImages(), 'african_elephants_truncated_file.jpg'), path.join(card, 'CUT.JPG'));
    fs.copyFileSync(path.join(cameraTrapImages(), 'domestic_dog.jpg'), path.join(card, 'DOG.JPG'));
    fs.copyFileSync(path.join(cameraTrapImages(), 'domestic_dog.jpg'), path.join(card, 'DOG-AGAIN.JPG'));
    put('NOEXIF.JPG', await sharp({ create: { width: 64, height: 48, channels: 3, background: '#406040' } }).jpeg().toBuffer());
    put('CLIP.MP4', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(64)]));
    put('CAMERA.LOG', 'battery 80%\n');
    const mtime = new Date('2022-06-01T10:20:30');
    fs.utimesSync(path.join(card, 'NOEXIF.JPG'), mtime, mtime);
    const before = snapshotTree(path.join(work, 'card'));

    const t = testBackend();
    const libraryDir = path.join(work, 'library');
    await libraryWithDeployment(t, libraryDir);
    const preview = await t.must('ingest.preview', { source: path.join(work, 'card') });
    expect(preview).toMatchObject({ files: 7, images: 6, videos: 1, otherFiles: 1 });

    const { summary } = await importAndWait(t, path.join(work, 'card'), 'dep1');
    expect(summary.state).toBe('done');
    expect(summary.imported).toBe(4);
    expect(summary.duplicates).toBe(1);
    const failed = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f.reason]));
    expect(failed['EMPTY.JPG']).toMatch(/empty \(0 bytes\)/);
    expect(failed['NOTES.JPG']).toMatch(/not a JPEG image, although its name says so/);
    const warnings = Object.fromEntries(summary.warnings.map((w) => [path.basename(w.path), w.reason]));
    expect(warnings['CUT.JPG']).toMatch(/cut off/);
    expect(warnings['NOEXIF.JPG']).toMatch(/file time was used/);

    const page = await t.must('media.page', { deploymentID: 'dep1' });
    const byName = Object.fromEntries(page.items.map((m) => [m.fileName, m]));
    expect(byName['NOEXIF.JPG']).toMatchObject({ timeFromFile: true, timestamp: '2022-06-01 10:20:30' });
    expect(byName['CLIP.MP4']).toMatchObject({ mediaType: 'video', timeFromFile: true });
    // DOG.JPG and DOG-AGAIN.JPG are the same bytes: whichever is copied first is kept, the other is the duplicate.
    expect(page.items.find((m) => m.fileName.startsWith('DOG'))).toMatchObject({ cameraSerial: 'P800HI05233973', cameraModel: 'PC800 PROFESSIONAL', timestamp: '2017-07-13 12:09:23' });
    expect(snapshotTree(path.join(work, 'card'))).toEqual(before);
  });

  it('refuses a folder that is not there, and a file instead of a folder, in plain words', async () => {
    const t = testBackend();
    await libraryWithDeployment(t, path.join(tempDir(), 'library'));
    const missing = await t.call('ingest.preview', { source: '/nonexistent/card' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'source-missing' } });
    const file = await t.call('ingest.preview', { source: path.join(heronMedia(), fs.readdirSync(heronMedia())[0] as string) });
    expect(file).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/is a file/) } });
    const noDeployment = await t.call('ingest.start', { source: heronMedia(), deploymentID: 'nope' });
    expect(noDeployment).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/^There is no deployment nope in this library/), says: { key: 'deployment-not-found' } } });
  });
});
