import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../locales/languages.ts';
import { api } from '../api/client.ts';
import { loadLanguage } from '../i18n/index.ts';

/** The language list, each in its own name; the choice is kept by the backend for the next start. */
export function LanguagePicker(): JSX.Element {
  const { t, i18n } = useTranslation();
  const choose = (code: Language) => {
    void loadLanguage(code).then(() => i18n.changeLanguage(code));
    void api.call('app.setLanguage', { language: code });
  };
  return (
    <label className="language">
      <select value={i18n.resolvedLanguage ?? 'en'} onChange={(e) => choose(e.target.value as Language)} aria-label={t('app.language')} data-testid="language">
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
