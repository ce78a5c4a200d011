import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { heronDeployment } from '../../support/heron-deployment.ts';
import { importAndWait } from '../../support/import-and-wait.ts';
import { heronMedia } from '../../support/shared.ts';
import { snapshotTree } from '../../support/snapshot-tree.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('importing the heron card into deployment 62c200a9', () => {
  it('copies every file verified, reads EXIF, groups one sequence, and imports nothing the second time', async () => {
    const t = testBackend();
    const libraryDir = path.join(tempDir(), 'library');
    await t.must('library.create', { path: libraryDir });
    const { location, deployment } = heronDeployment();
    await t.must('location.add', location);
    await t.must('deployment.add', deployment);

    const card = heronMedia();
    const before = snapshotTree(card);
    const preview = await t.must('ingest.preview', { source: card });
    expect(preview.files).toBe(10);
    expect(preview.firstTime).toBe('2021-04-11 20:43:09');
    expect(preview.lastTime).toBe('2021-04-11 20:43:15');
    expect(preview.cameras[0]).toMatchObject({ make: 'RECONYX', model: 'HYPERFIRE 2 COVERT', serialNumber: 'H2RXEM06043616', userLabel: 'MICA 318' });
    expect(preview.suggestion).toEqual({ deploymentID: '62c200a9', reason: 'dates' });

    const { summary, progress } = await importAndWait(t, card, '62c200a9');
    expect(summary).toMatchObject({ state: 'done', imported: 10, duplicates: 0, failed: [], notImported: [] });
    expect(progress.at(-1)).toMatchObject({ filesDone: 10, filesTotal: 10, imported: 10 });

    const page = await t.must('media.page', { deploymentID: '62c200a9' });
    expect(page.total).toBe(10);
    expect(page.sequences).toBe(1);
    expect(page.items[0]).toMatchObject({ timestamp: '2021-04-11 20:43:09', cameraSerial: 'H2RXEM06043616', timeFromFile: false, width: 2048, height: 1440 });
    for (const item of page.items) {
      const copy = fs.readFileSync(path.join(libraryDir, item.filePath));
      expect(crypto.createHash('sha256').update(copy).digest('hex')).toBe(item.sha256);
      expect(copy.equals(fs.readFileSync(path.join(card, item.fileName)))).toBe(true);
      expect(item.filePath).toBe(`media/62c200a9/${item.fileName}`);
    }

    const again = await importAndWait(t, card, '62c200a9');
    expect(again.summary).toMatchObject({ state: 'done', imported: 0, duplicates: 10 });
    expect(snapshotTree(card)).toEqual(before);
  });
});
