import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';

const locales = path.resolve(import.meta.dirname, '../../../locales');
const read = (language: string, file: string): unknown => JSON.parse(fs.readFileSync(path.join(locales, language, `${file}.json`), 'utf8'));

/** The app's own texts in a language, filled in as the app fills them: what a person should read on screen. */
export async function textsIn(language: string): Promise<TFunction> {
  const texts = i18next.createInstance();
  await texts.init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(
      [...new Set(['en', language])].map((l) => [l, { translation: read(l, 'ui'), errors: read(l, 'errors') }]),
    ) as Record<string, { translation: object; errors: object }>,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return texts.t;
}

/**
 * A message as the app writes it in a language, whatever fills its {{placeholders}} (a path, a
 * file name, a number): it matches that language's wording exactly and nothing else.
 */
export function patternOf(t: TFunction, key: string, count?: number): RegExp {
  const template = t(key, { ...(count === undefined ? {} : { count }), skipInterpolation: true });
  if (template === key || template.endsWith(key)) throw new Error(`${key} has no text`);
  const literal = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const pattern = literal
    .replace(/\{\{[^}]*\}\}/g, '\u0000')
    .replace(/[{}]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replaceAll('\u0000', '.+?');
  return new RegExp(`^${pattern}$`);
}
