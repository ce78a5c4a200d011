import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/api/dispatch.ts';
import { createLogger } from '../../../electron/backend/log/logger.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('the log', () => {
  it('writes one file a day, and an error reference that is in it', () => {
    const logger = createLogger(tempDir());
    const ref = logger.error('thumbnail failed', new Error('VipsJpeg: premature end'), { mediaID: 'abc' });
    expect(ref).toMatch(/^E-[0-9A-F]{6}$/);
    expect(logger.todayFile()).toMatch(/camtrap-station-\d{4}-\d{2}-\d{2}\.log$/);
    const line = JSON.parse(fs.readFileSync(logger.todayFile(), 'utf8').trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', ref, message: 'thumbnail failed', error: 'VipsJpeg: premature end', mediaID: 'abc' });
  });

  it('gives the user the reference of an unexpected failure, and the app shows that log line', async () => {
    const t = testBackend();
    await t.must('library.create', { path: `${tempDir()}/library` });
    // A connection closed under the backend's feet: a failure no handler plans for.
    t.backend.requireLibrary().db.close();
    const result = await dispatch(t.backend, 'media.page', {});
    if (result.ok) throw new Error('expected a failure');
    expect(result.error).toMatchObject({ code: 'internal', ref: expect.stringMatching(/^E-/) });
    expect(result.error.message).toContain(`in the log under ${result.error.ref}`);
    const log = await t.must('app.log', {});
    expect(log.lines.some((l) => l.includes(result.error.ref ?? 'none') && l.includes('media.page failed'))).toBe(true);
  });
});
