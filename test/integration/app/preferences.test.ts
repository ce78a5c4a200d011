import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/api/dispatch.ts';
import { createBackend } from '../../../electron/backend/app/backend.ts';
import { createLogger } from '../../../electron/backend/log/logger.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

describe('the language a person chose', () => {
  it('is kept for the next start, and only a language the app speaks is taken', async () => {
    const t = testBackend();
    expect(await t.must('app.preferences', {})).toEqual({ language: null });
    expect(await t.must('app.setLanguage', { language: 'zh-CN' })).toEqual({ language: 'zh-CN' });
    expect(await t.call('app.setLanguage', { language: 'xx' as 'en' })).toMatchObject({ ok: false, error: { code: 'invalid-input', says: { key: 'field-not-allowed', values: { field: 'language' } } } });
    t.backend.close();

    const again = createBackend({ dataDir: t.dataDir, logger: createLogger(path.join(t.dataDir, 'logs')) });
    expect(await dispatch(again, 'app.preferences', {})).toEqual({ ok: true, value: { language: 'zh-CN' } });
    again.close();
  });

  it('falls back to the system language when the stored choice is damaged', async () => {
    const t = testBackend();
    fs.writeFileSync(path.join(t.dataDir, 'preferences.json'), '{"language": "klingon"');
    expect(await t.must('app.preferences', {})).toEqual({ language: null });
    fs.writeFileSync(path.join(t.dataDir, 'preferences.json'), '{"language": "klingon"}');
    expect(await t.must('app.preferences', {})).toEqual({ language: null });
  });
});
