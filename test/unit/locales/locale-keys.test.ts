import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageCodes } from '../../../locales/languages.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (value === null || typeof value !== 'object') throw new Error(`${prefix} is neither text nor a group`);
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

function keysOf(language: string, file: 'ui' | 'errors'): string[] {
  return flatten(JSON.parse(fs.readFileSync(path.join(root, 'locales', language, `${file}.json`), 'utf8')));
}

function sourceText(dir: string): string {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => fs.readFileSync(path.join(root, dir, f), 'utf8'))
    .join('\n');
}

/** Keys without their plural endings, each with the plural forms it has. */
function bases(keys: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const form = pluralSuffix.exec(key)?.[1] ?? '';
    const base = key.replace(pluralSuffix, '');
    out.set(base, (out.get(base) ?? new Set()).add(form));
  }
  return out;
}

const renderer = sourceText('renderer');
const backend = sourceText('electron/backend');
// Keys built at run time, `t(\`review.did.${kind}\`)`: every key under such a prefix counts as used.
const dynamicPrefixes = [...renderer.matchAll(/t\(`([\w.:-]+)\.\$\{/g)].map((m) => `${(m[1] ?? '').replace(/^\w+:/, '')}.`);

describe('every language has every key, and every key is used', () => {
  it('uses every English screen text somewhere in the renderer', () => {
    const unused = [...bases(keysOf('en', 'ui')).keys()].filter((key) => !renderer.includes(`'${key}'`) && !renderer.includes(`"${key}"`) && !dynamicPrefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('uses every English backend message, and names only fields a form has', () => {
    const keys = [...bases(keysOf('en', 'errors')).keys()];
    const unused = keys.filter((k) => !k.startsWith('fields.') && !backend.includes(`'${k}'`));
    expect(unused).toEqual([]);
    const unknownFields = keys.filter((k) => k.startsWith('fields.')).filter((k) => !new RegExp(`\\b${k.slice('fields.'.length)}\\??:`).test(backend));
    expect(unknownFields).toEqual([]);
  });

  for (const language of languageCodes.filter((l) => l !== 'en')) {
    it(`${language}: the same keys as English, with the plural forms the language needs`, () => {
      const rules = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const file of ['ui', 'errors'] as const) {
        const english = bases(keysOf('en', file));
        const translated = bases(keysOf(language, file));
        expect({ file, missing: [...english.keys()].filter((k) => !translated.has(k)) }).toEqual({ file, missing: [] });
        expect({ file, unused: [...translated.keys()].filter((k) => !english.has(k)) }).toEqual({ file, unused: [] });
        for (const [base, forms] of translated) {
          if (english.get(base)?.has('') !== false) continue;
          const lacking = rules.filter((r) => !forms.has(r));
          expect({ file, base, lacking }).toEqual({ file, base, lacking: [] });
        }
      }
    });
  }
});
