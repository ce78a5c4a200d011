import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../electron/backend/ingest/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { checkLibraryInvariants } from '../../support/library-invariants.ts';
import { libraryWithDeployment } from '../../support/library-with-deployment.ts';
import { makeCard } from '../../support/make-card.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('cancelling an import', () => {
  it('stops taking files, keeps the complete ones, and a second import finishes the rest', async () => {
    const work = tempDir();
    const files = makeCard(path.join(work, 'card'), 200);
    const t = testBackend();
    const library = path.join(work, 'library');
    await libraryWithDeployment(t, library);
    let cancelled = false;
    const finished = new Promise<ImportSummary>((resolve) =>
      t.backend.subscribe((name, payload) => {
        if (name === 'ingest.progress' && !cancelled) {
          cancelled = true;
          void t.call('ingest.cancel', { importId: (payload as { importId: number }).importId });
        }
        if (name === 'ingest.finished') resolve(payload as ImportSummary);
      }),
    );
    await t.must('ingest.start', { source: path.join(work, 'card'), deploymentID: 'dep1' });
    const summary = await finished;
    expect(summary.state).toBe('cancelled');
    expect(summary.imported).toBeLessThan(200);
    expect(summary.imported + summary.notImported.length).toBe(200);
    expect(summary.notImported.every((n) => n.reason === 'cancelled')).toBe(true);
    expect(await t.call('ingest.cancel', { importId: summary.importId })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const again = await new Promise<ImportSummary>((resolve) => {
      t.backend.subscribe((name, payload) => name === 'ingest.finished' && resolve(payload as ImportSummary));
      void t.call('ingest.start', { source: path.join(work, 'card'), deploymentID: 'dep1' });
    });
    expect(again).toMatchObject({ state: 'done', imported: 200 - summary.imported, duplicates: summary.imported });
    t.backend.close();
    const hashes = new Set(files.map((f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')));
    expect(checkLibraryInvariants(library, hashes)).toMatchObject({ rows: 200, mediaFiles: 200, badRows: [], partial: [] });
  });
});
