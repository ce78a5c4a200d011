import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StationError } from '../../../electron/backend/rpc/envelope.ts';
import { englishFor, isMessageKey } from '../../../electron/backend/rpc/messages.ts';
import english from '../../../locales/en/errors.json' with { type: 'json' };

const backend = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron/backend');

/**
 * Files that still pass English sentences to StationError: they are being converted to message
 * keys by others right now. Remove a file from here once it uses keys only.
 */
const stillInEnglish = new Set(['review/species.ts']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.isFile() && e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The arguments of the call whose opening parenthesis is just before `start`, split at top-level commas. */
function callArguments(text: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === "'" || c === '"' || c === '`') {
      // Skip the string; an escaped quote does not end it.
      for (i += 1; i < text.length && text.charAt(i) !== c; i += 1) if (text.charAt(i) === '\\') i += 1;
    } else if ('([{'.includes(c)) {
      depth += 1;
    } else if (')]}'.includes(c)) {
      if (depth === 0) {
        args.push(text.slice(from, i).trim());
        return args;
      }
      depth -= 1;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  throw new Error('unclosed call');
}

interface Said {
  where: string;
  text: string;
}

/** Every string a `new StationError(code, message)` call may pass as its message; a literal compared against (=== 'done') is not one. */
function messagesPassed(): Said[] {
  const said: Said[] = [];
  for (const file of sourceFiles(backend)) {
    const text = fs.readFileSync(file, 'utf8');
    const relative = path.relative(backend, file).split(path.sep).join('/');
    for (const call of text.matchAll(/new StationError\(/g)) {
      const start = (call.index ?? 0) + call[0].length;
      const message = callArguments(text, start)[1] ?? '';
      const line = text.slice(0, start).split('\n').length;
      for (const literal of message.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
        const before = message.slice(0, literal.index).trimEnd();
        if (/[=!]==?$/.test(before)) continue;
        said.push({ where: `${relative}:${line}`, text: literal[2] ?? '' });
      }
    }
  }
  return said;
}

describe('backend messages', () => {
  const said = messagesPassed();

  it('finds the StationError calls it checks', () => {
    expect(said.length).toBeGreaterThan(50);
  });

  it('passes only message keys that exist in locales/en/errors.json', () => {
    const keys = said.filter((s) => !s.text.includes(' ') && !s.text.includes('${'));
    expect(keys.filter((s) => !isMessageKey(s.text))).toEqual([]);
  });

  it('passes no English sentence, except in files still being converted', () => {
    const sentences = said.filter((s) => s.text.includes(' ') || s.text.includes('${'));
    expect(sentences.filter((s) => !stillInEnglish.has(s.where.split(':')[0] ?? ''))).toEqual([]);
  });

  it('keeps the catalogue flat, kebab-case and with both plural forms', () => {
    const { fields, ...messages } = english;
    expect(Object.values(fields).every((name) => typeof name === 'string')).toBe(true);
    for (const [key, text] of Object.entries(messages)) {
      expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(_one|_other)?$/);
      expect(typeof text).toBe('string');
      const plural = /^(.*)_(one|other)$/.exec(key);
      if (plural) expect(Object.keys(messages)).toEqual(expect.arrayContaining([`${plural[1]}_one`, `${plural[1]}_other`]));
    }
  });

  it('fills values, names fields and picks the plural form in English', () => {
    expect(englishFor('library-newer', { version: 9, latest: 3 })).toBe(
      'This library was made by a newer version of Camtrap Station (format 9; this version reads up to 3). Update the app to open it.',
    );
    expect(englishFor('field-missing', { field: 'deploymentID' })).toBe('The deployment ID is missing: fill it in.');
    expect(englishFor('field-too-small', { field: 'latitude', minimum: -90 })).toBe('Latitude must be at least -90.');
    expect(englishFor('import-no-space', { count: 1, needed: '3.1 MB', free: '1.0 MB' })).toMatch(/^Not enough free space: the card holds one file \(3\.1 MB\) and the library disk has 1\.0 MB free\./);
    expect(englishFor('import-no-space', { count: 120, needed: '3.1 GB', free: '1.0 GB' })).toMatch(/^Not enough free space: the card holds 120 files \(3\.1 GB\) and the library disk has 1\.0 GB free\./);
    expect(englishFor('import-no-space', { count: 0, needed: '0 B', free: '0 B' })).toMatch(/the card holds 0 files/);
    expect(englishFor('folder-gone')).toBe('The folder {{path}} does not exist (any more). Choose another.');
  });

  it('gives a StationError built from a key both its English and the key for the renderer', () => {
    const err = new StationError('not-found', 'folder-gone', { path: '/media/card' });
    expect(err.message).toBe('The folder /media/card does not exist (any more). Choose another.');
    expect(err.says).toEqual({ key: 'folder-gone', values: { path: '/media/card' } });
    expect(new StationError('busy', 'import-already-running').says).toEqual({ key: 'import-already-running' });
    const plain = new StationError('internal', 'Something odd.');
    expect([plain.message, plain.says]).toEqual(['Something odd.', undefined]);
  });
});
