import { describe, expect, it } from 'vitest';
import { englishOfAll, readSays, storeSays } from '../../../electron/backend/rpc/stored-says.ts';

describe('messages kept in the library as keys', () => {
  it('come back as English and as the keys they were stored as', () => {
    const said = [{ key: 'library-holds-link', values: { path: 'media/dep1' } }, { key: 'import-stopped' }] as const;
    const stored = storeSays([...said]);
    expect(readSays(stored)).toEqual({
      text: 'The library holds a link at media/dep1; the app does not follow links inside a library. Remove the link, or copy the real files in. The import stopped.',
      says: said,
    });
    expect(englishOfAll([{ key: 'not-imported-card-removed' }])).toBe('card removed');
  });

  it('leave text written before keys were kept as it is', () => {
    expect(readSays('The file is empty (0 bytes).')).toEqual({ text: 'The file is empty (0 bytes).' });
    expect(readSays('[not json')).toEqual({ text: '[not json' });
  });

  it('trust nothing a library from elsewhere holds: unknown keys and odd values stay plain text', () => {
    for (const odd of ['[]', '[{"key":"no-such-key"}]', '[{"key":"folder-gone","values":{"path":{"x":1}}}]', '[{"key":"__proto__"}]', '{"key":"folder-gone"}']) {
      expect(readSays(odd)).toEqual({ text: odd });
    }
  });
});
