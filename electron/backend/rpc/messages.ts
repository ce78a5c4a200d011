import english from '../../../locales/en/errors.json' with { type: 'json' };

/**
 * Every message a user can see from the backend has a key in locales/<language>/errors.json:
 * the renderer shows it in the user's language, the command line and the log in English.
 */
export type MessageKey = Exclude<keyof typeof english, 'fields'> | PluralKeys;
type PluralKeys = { [K in keyof typeof english]: K extends `${infer B}_one` | `${infer B}_other` ? B : never }[keyof typeof english];
export type MessageValues = Record<string, string | number>;
export interface Says {
  key: MessageKey;
  values?: MessageValues;
}

const catalogue: Record<string, unknown> = english;
const fieldNames: Record<string, string> = english.fields;

export function isMessageKey(text: string): text is MessageKey {
  return /^[a-z0-9-]+$/.test(text) && (typeof catalogue[text] === 'string' || typeof catalogue[`${text}_other`] === 'string');
}

function pick(key: string, values: MessageValues): string {
  const plural = typeof values.count === 'number' ? catalogue[`${key}_${values.count === 1 ? 'one' : 'other'}`] : undefined;
  const text = plural ?? catalogue[key] ?? catalogue[`${key}_other`];
  return typeof text === 'string' ? text : key;
}

/** The English text of a message, filled in the way i18next fills it in the renderer. */
export function englishFor(key: MessageKey, values: MessageValues = {}): string {
  return pick(key, values).replace(/\{\{\s*(\w+)(?:\s*,\s*\w+)?\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (name === 'field') return fieldNames[String(value)] ?? String(value);
    return String(value);
  });
}
