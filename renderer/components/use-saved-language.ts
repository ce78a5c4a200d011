import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bestLanguage } from '../../locales/languages.ts';
import { api } from '../api/client.ts';
import { loadLanguage } from '../i18n/index.ts';

/**
 * The language chosen before, or at the first start the system's own if the app speaks it.
 * True once it is settled, so the first screen does not flash in English.
 */
export function useSavedLanguage(): boolean {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void api.call('app.preferences', {}).then(async (r) => {
      const wanted = r.ok && r.value.language ? r.value.language : bestLanguage(navigator.languages);
      await loadLanguage(wanted);
      await i18n.changeLanguage(wanted);
      setReady(true);
    });
  }, [i18n]);
  return ready;
}
