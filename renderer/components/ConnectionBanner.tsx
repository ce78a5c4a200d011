import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

/** Says so while the backend is restarting, and that the page goes on by itself when it is back. */
export function ConnectionBanner(): JSX.Element | null {
  const { t } = useTranslation();
  const [lost, setLost] = useState(false);
  useEffect(() => api.watchConnection((state) => setLost(state === 'lost')), []);
  if (!lost) return null;
  return (
    <p className="banner warning" role="alert" data-testid="connection-lost">
      {t('connection.lost')}
    </p>
  );
}
