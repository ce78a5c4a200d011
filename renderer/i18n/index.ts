import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enErrors from '../../locales/en/errors.json';
import en from '../../locales/en/ui.json';
import esErrors from '../../locales/es/errors.json';
import es from '../../locales/es/ui.json';
import frErrors from '../../locales/fr/errors.json';
import fr from '../../locales/fr/ui.json';
import idErrors from '../../locales/id/errors.json';
import id from '../../locales/id/ui.json';
import type { Language } from '../../locales/languages.ts';
import ptBrErrors from '../../locales/pt-BR/errors.json';
import ptBr from '../../locales/pt-BR/ui.json';
import zhCnErrors from '../../locales/zh-CN/errors.json';
import zhCn from '../../locales/zh-CN/ui.json';

/**
 * Each language is two files with the same keys as English (a test keeps them so): its screens,
 * and the backend's messages. Their shapes differ only in plural forms, which i18next picks.
 */
export const resources: Record<Language, Record<'translation' | 'errors', object>> = {
  en: { translation: en, errors: enErrors },
  'zh-CN': { translation: zhCn, errors: zhCnErrors },
  es: { translation: es, errors: esErrors },
  fr: { translation: fr, errors: frErrors },
  'pt-BR': { translation: ptBr, errors: ptBrErrors },
  id: { translation: id, errors: idErrors },
};

void i18next.use(initReactI18next).init({
  resources,
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
