/** The languages the app speaks, each named in itself so a person finds their own. */
export const languages = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '中文（简体）' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'pt-BR', name: 'Português (Brasil)' },
  { code: 'id', name: 'Bahasa Indonesia' },
] as const;

export type Language = (typeof languages)[number]['code'];
export const languageCodes = languages.map((l) => l.code) as [Language, ...Language[]];

/** The first of the system's languages that the app speaks ("pt-PT" gets Brazilian, "zh-TW" Chinese), else English. */
export function bestLanguage(preferred: readonly string[]): Language {
  for (const wanted of preferred) {
    const exact = languageCodes.find((c) => c.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact;
    const base = wanted.split('-')[0]?.toLowerCase();
    const near = languageCodes.find((c) => c.split('-')[0]?.toLowerCase() === base);
    if (near) return near;
  }
  return 'en';
}
