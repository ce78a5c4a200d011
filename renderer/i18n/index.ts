import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enErrors from '../../locales/en/errors.json';
import en from '../../locales/en/ui.json';
import type { Language } from '../../locales/languages.ts';

/**
 * Each language is two files with the same keys as English (a test keeps them so): its screens,
 * and the backend's messages. Their shapes differ only in plural forms, which i18next picks.
 * English is always there (every text falls back to it); the others are read when chosen, so
 * the first screen does not wait for five languages nobody is using.
 */
const others: Record<Exclude<Language, 'en'>, () => Promise<[{ default: object }, { default: object }]>> = {
  'zh-CN': () => Promise.all([import('../../locales/zh-CN/ui.json'), import('../../locales/zh-CN/errors.json')]),
  es: () => Promise.all([import('../../locales/es/ui.json'), import('../../locales/es/errors.json')]),
  fr: () => Promise.all([import('../../locales/fr/ui.json'), import('../../locales/fr/errors.json')]),
  'pt-BR': () => Promise.all([import('../../locales/pt-BR/ui.json'), import('../../locales/pt-BR/errors.json')]),
  id: () => Promise.all([import('../../locales/id/ui.json'), import('../../locales/id/errors.json')]),
};

/** Reads a language's texts if they are not there yet; call before switching to it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) return;
  const [ui, errors] = await others[language]();
  i18next.addResourceBundle(language, 'translation', ui.default);
  i18next.addResourceBundle(language, 'errors', errors.default);
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en, errors: enErrors } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  // The app runs offline: no notice about a hosted service in the console.
  showSupportNotice: false,
});

// Screen readers pick their voice, and the browser its fonts, from the page's language.
i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18next;
